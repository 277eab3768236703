using SkiaSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The weight-bearing lunge test's overlay, for the analysed video and the live window: both legs thin, the front
/// shank thick (green at or above the cut-off, amber below, grey when unmeasurable) with a dashed vertical (levelled
/// by the floor tilt) from the ankle and the angle beside the knee, a small panel (leg, attempt, heel), and a banner
/// while the heel is up. Paints allocate nothing per frame (cached labels and text blobs).
/// </summary>
public sealed unsafe class ShankOverlayPainter : IDisposable
{
    private static readonly (BodyLandmark A, BodyLandmark B)[] LegBones =
    [
        (BodyLandmark.LeftHip, BodyLandmark.LeftKnee), (BodyLandmark.LeftKnee, BodyLandmark.LeftAnkle),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftHeel), (BodyLandmark.LeftHeel, BodyLandmark.LeftFootIndex),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftFootIndex),
        (BodyLandmark.RightHip, BodyLandmark.RightKnee), (BodyLandmark.RightKnee, BodyLandmark.RightAnkle),
        (BodyLandmark.RightAnkle, BodyLandmark.RightHeel), (BodyLandmark.RightHeel, BodyLandmark.RightFootIndex),
        (BodyLandmark.RightAnkle, BodyLandmark.RightFootIndex),
        (BodyLandmark.LeftHip, BodyLandmark.RightHip),
        (BodyLandmark.LeftShoulder, BodyLandmark.LeftHip), (BodyLandmark.RightShoulder, BodyLandmark.RightHip),
    ];

    private readonly OverlayScale _scale;
    private readonly float _gate;
    private readonly SKBitmap _frame;
    private readonly SKCanvas _frameCanvas;
    private readonly SKPaint _bone;
    private readonly SKPaint _boneOutline;
    private readonly SKPaint _shank;
    private readonly SKPaint _vertical;
    private readonly SKPathEffect _dash;
    private readonly SKPaint _fill;
    private readonly SKPaint _text;
    private readonly SKFont _font;
    private readonly SKFont _bold;
    private readonly SKFont _big;
    private readonly TextBlobCache _texts = new();
    private readonly NumberLabelCache _degrees = new("°", explicitPlus: false);
    private readonly string[] _attemptLabels = new string[64];

    public ShankOverlayPainter(int width, int height, float visibilityGate = 0.5f)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"overlay: frame size {width}×{height} must be positive");
        }

        Width = width;
        Height = height;
        _gate = visibilityGate;
        _scale = OverlayScale.For(width, height);
        _frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        _frameCanvas = new SKCanvas(_frame);
        var s = _scale;
        _bone = Stroke(OverlayPalette.Skeleton, s.Px(3f));
        _boneOutline = Stroke(OverlayPalette.Outline, s.Px(6f));
        _shank = Stroke(OverlayPalette.Green, s.Px(9f));
        _dash = SKPathEffect.CreateDash([s.Px(10f), s.Px(7f)], 0);
        _vertical = Stroke(SKColors.White.WithAlpha(0xD0), s.Px(2.5f));
        _vertical.PathEffect = _dash;
        _fill = new SKPaint { Color = OverlayPalette.PanelBackground, IsAntialias = true };
        _text = new SKPaint { Color = OverlayPalette.Text, IsAntialias = true };
        _font = new SKFont(ReportTypeface.Regular, s.TextPx(24f));
        _bold = new SKFont(ReportTypeface.Bold, s.TextPx(28f));
        _big = new SKFont(ReportTypeface.Bold, s.TextPx(34f));
        for (int i = 0; i < _attemptLabels.Length; i++)
        {
            _attemptLabels[i] = i == 0 ? "Lunge test" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Lunge test · attempt {i}");
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Draws into <paramref name="pixels"/> in place (BGR24, BGRA32 or Gray8 rows), the frame size this painter was made for.</summary>
    public void Paint(Span<byte> pixels, int strideBytes, PixelFormat format, PoseFrame pose, in ShankOverlayState state)
    {
        PixelCopy.CheckFrame(pixels, strideBytes, format, Width, Height);

        var canvasPixels = (byte*)_frame.GetPixels();
        PixelCopy.Into(pixels, strideBytes, format, canvasPixels, _frame.RowBytes, Width, Height);
        Draw(_frameCanvas, pose, state);
        _frameCanvas.Flush();
        PixelCopy.OutOf(canvasPixels, _frame.RowBytes, pixels, strideBytes, format, Width, Height);
    }

    /// <summary>Draws onto any canvas whose drawing area is this painter's frame size.</summary>
    public void Draw(SKCanvas canvas, PoseFrame pose, in ShankOverlayState state)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(pose);
        if (pose.HasPose && pose.Landmarks.Length == BodyLandmarks.Count)
        {
            var view = new PoseView(pose, pose.ImageWidth > 0 ? Width / (float)pose.ImageWidth : 1f, pose.ImageHeight > 0 ? Height / (float)pose.ImageHeight : 1f, _gate);
            foreach (var (a, b) in LegBones)
            {
                if (view.Visible(a) && view.Visible(b))
                {
                    canvas.DrawLine(view.Point(a), view.Point(b), _boneOutline);
                    canvas.DrawLine(view.Point(a), view.Point(b), _bone);
                }
            }

            if (state.FrontSide is { } side && view.Visible(side.Knee()) && view.Visible(side.Ankle()))
            {
                DrawShank(canvas, view.Point(side.Knee()), view.Point(side.Ankle()), state);
            }
        }

        DrawPanel(canvas, state);
        if (state.Prompt is { } prompt)
        {
            DrawPrompt(canvas, prompt);
        }

        if (state.HeelLifted)
        {
            DrawBanner(canvas, "HEEL LIFT — keep the heel down", OverlayPalette.Amber);
        }
        else if (state.Message is { } message)
        {
            DrawBanner(canvas, message, OverlayPalette.Red);
        }
    }

    public void Dispose()
    {
        _texts.Dispose();
        _frameCanvas.Dispose();
        _frame.Dispose();
        _bone.Dispose();
        _boneOutline.Dispose();
        _shank.Dispose();
        _vertical.Dispose();
        _dash.Dispose();
        _fill.Dispose();
        _text.Dispose();
        _font.Dispose();
        _bold.Dispose();
        _big.Dispose();
    }

    private static SKPaint Stroke(SKColor colour, float width) => new()
    {
        Color = colour,
        StrokeWidth = width,
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeCap = SKStrokeCap.Round,
    };

    private SKColor ColourOf(in ShankOverlayState state) => state.InclinationDeg is not { } deg
        ? OverlayPalette.Grey
        : state.HeelLifted ? OverlayPalette.Amber : deg >= state.CutOffDeg ? OverlayPalette.Green : OverlayPalette.Amber;

    private void DrawShank(SKCanvas canvas, SKPoint knee, SKPoint ankle, in ShankOverlayState state)
    {
        (knee, ankle) = MeasuredLine(knee, ankle, state);
        var colour = ColourOf(state);
        _shank.Color = colour;
        canvas.DrawLine(knee, ankle, _boneOutline);
        canvas.DrawLine(knee, ankle, _shank);

        // The vertical the angle is measured from: straight up from the ankle, turned by the floor's tilt.
        float length = SKPoint.Distance(knee, ankle);
        double tilt = state.FloorTiltDeg * Math.PI / 180;
        var up = new SKPoint((float)Math.Sin(tilt) * length, -(float)Math.Cos(tilt) * length);
        canvas.DrawLine(ankle, ankle + up, _vertical);

        string label = state.InclinationDeg is { } deg ? _degrees.Get(deg) : "—";
        var text = _texts.Get(_big, label);
        float x = knee.X + (knee.X >= ankle.X ? _scale.Px(18f) : -_scale.Px(18f) - text.Width);
        float y = knee.Y - _scale.Px(12f);
        canvas.DrawRoundRect(SKRect.Create(x - _scale.Px(8f), y - _big.Size, text.Width + _scale.Px(16f), _big.Spacing + _scale.Px(4f)), _scale.Px(8f), _scale.Px(8f), _fill);
        _text.Color = colour;
        canvas.DrawText(text.Blob, x, y, _text);
        _text.Color = OverlayPalette.Text;
    }

    /// <summary>
    /// The line the angle was measured on, centred between the model's knee and ankle and as long as they are apart:
    /// the shank's silhouette axis leans by the measured angle, not along the model's two points (which BlazePose
    /// places a few degrees flat in a side view). In the image the axis leans by facing × angle + the floor's tilt;
    /// the facing is the side the knee lies on (either reading draws the same line at a shank near vertical).
    /// </summary>
    private static (SKPoint Knee, SKPoint Ankle) MeasuredLine(SKPoint knee, SKPoint ankle, in ShankOverlayState state)
    {
        if (state.InclinationDeg is not { } deg)
        {
            return (knee, ankle);
        }

        int facing = (knee.X - ankle.X) * deg >= 0 ? 1 : -1;
        double a = ((facing * deg) + state.FloorTiltDeg) * Math.PI / 180;
        float half = SKPoint.Distance(knee, ankle) / 2;
        var mid = new SKPoint((knee.X + ankle.X) / 2, (knee.Y + ankle.Y) / 2);
        var up = new SKPoint((float)Math.Sin(a) * half, -(float)Math.Cos(a) * half);
        return (mid + up, mid - up);
    }

    private void DrawPanel(SKCanvas canvas, in ShankOverlayState state)
    {
        float margin = _scale.Px(16f);
        float line = _font.Spacing * 1.1f;
        string leg = state.FrontSide switch
        {
            Side.Left => "Left ankle (front leg)",
            Side.Right => "Right ankle (front leg)",
            _ => "Front leg: —",
        };
        string attempt = _attemptLabels[Math.Clamp(state.AttemptNumber, 0, _attemptLabels.Length - 1)];
        string heel = state.HeelLifted ? "Heel: lifted" : "Heel: down";
        var a = _texts.Get(_bold, attempt);
        var b = _texts.Get(_font, leg);
        var c = _texts.Get(_font, heel);
        float width = Math.Max(a.Width, Math.Max(b.Width, c.Width)) + (margin * 1.5f);
        float height = _bold.Spacing + (2 * line) + (margin * 0.8f);
        float top = margin + (state.HeelLifted || state.Message is not null ? _bold.Spacing * 1.6f : 0);
        canvas.DrawRoundRect(SKRect.Create(margin, top, width, height), margin * 0.6f, margin * 0.6f, _fill);
        float x = margin * 1.75f;
        float y = top + (margin * 0.4f) + _bold.Size;
        canvas.DrawText(a.Blob, x, y, _text);
        y += line * 1.1f;
        canvas.DrawText(b.Blob, x, y, _text);
        y += line;
        _text.Color = state.HeelLifted ? OverlayPalette.Amber : OverlayPalette.Text;
        canvas.DrawText(c.Blob, x, y, _text);
        _text.Color = OverlayPalette.Text;
    }

    private void DrawPrompt(SKCanvas canvas, string prompt)
    {
        var label = _texts.Get(_bold, prompt);
        float height = _bold.Spacing * 1.5f;
        float top = Height - height - _scale.Px(12f);
        canvas.DrawRect(0, top, Width, height, _fill);
        float x = Math.Max(_scale.Px(8f), (Width - label.Width) / 2f);
        canvas.DrawText(label.Blob, x, top + (height / 2f) + (_bold.Size * 0.36f), _text);
    }

    private void DrawBanner(SKCanvas canvas, string message, SKColor colour)
    {
        float height = _bold.Spacing * 1.5f;
        _fill.Color = colour.WithAlpha(0xE6);
        canvas.DrawRect(0, 0, Width, height, _fill);
        _fill.Color = OverlayPalette.PanelBackground;
        var label = _texts.Get(_bold, message);
        float x = Math.Max(_scale.Px(8f), (Width - label.Width) / 2f);
        canvas.DrawText(label.Blob, x, (height / 2f) + (_bold.Size * 0.36f), _text);
    }
}
