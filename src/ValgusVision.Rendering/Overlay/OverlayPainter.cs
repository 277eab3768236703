using System.Globalization;
using SkiaSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// Draws the analysis onto video frames: skeleton, the stance leg coloured by FPPA with its angle and arc at the
/// knee, the hip-shift arrow, the pelvic line, a panel with the rep counter and values, a banner during valgus
/// events and the session's FPPA strip with a playhead. A knee or ankle the joint-centre refinement moved to the middle
/// of the limb's silhouette is a hollow ring, the model's own point a filled dot, with a legend line under the panel. One painter serves one frame size; it owns its canvas,
/// paints, fonts and shaped labels, so painting a frame allocates nothing once each label has been seen.
/// Not thread-safe: one painter per rendering thread.
/// </summary>
public sealed unsafe class OverlayPainter : IDisposable
{
    private static readonly BodyLandmark[] Joints =
    [
        BodyLandmark.Nose, BodyLandmark.LeftShoulder, BodyLandmark.RightShoulder, BodyLandmark.LeftElbow,
        BodyLandmark.RightElbow, BodyLandmark.LeftWrist, BodyLandmark.RightWrist, BodyLandmark.LeftHip,
        BodyLandmark.RightHip, BodyLandmark.LeftKnee, BodyLandmark.RightKnee, BodyLandmark.LeftAnkle,
        BodyLandmark.RightAnkle, BodyLandmark.LeftHeel, BodyLandmark.RightHeel, BodyLandmark.LeftFootIndex,
        BodyLandmark.RightFootIndex,
    ];

    private readonly OverlayOptions _options;
    private readonly OverlayScale _scale;
    private readonly FppaBands _bands;
    private readonly TimelineStrip? _strip;
    private readonly SKBitmap _frame;
    private readonly SKCanvas _frameCanvas;
    private readonly SKPaint _boneOutline;
    private readonly SKPaint _bone;
    private readonly SKPaint _leg;
    private readonly SKPaint _jointFill;
    private readonly SKPaint _jointOutline;
    private readonly SKPaint _ring;
    private readonly SKPaint _ringOutline;
    private readonly SKPaint _dashed;
    private readonly SKPaint _arc;
    private readonly SKPaint _wedge;
    private readonly SKPaint _arrow;
    private readonly SKPaint _arrowHead;
    private readonly SKPaint _pelvis;
    private readonly SKPaint _panelFill;
    private readonly SKPaint _bannerFill;
    private readonly SKPaint _text;
    private readonly SKPathEffect _dash;
    private readonly SKPath _path = new();
    private readonly SKFont _panelFont;
    private readonly SKFont _panelBold;
    private readonly SKFont _bannerFont;
    private readonly SKFont _kneeFont;
    private readonly TextBlobCache _texts = new();
    private readonly NumberLabelCache _degrees = new("°", explicitPlus: false);
    private readonly NumberLabelCache _percent = new(" % leg", explicitPlus: true);
    private readonly string[] _repLabels;
    private readonly string[] _repsDoneLabels;
    private readonly string _bannerLabel;
    private readonly float _panelLineHeight;
    private readonly float _panelValueX;
    private readonly float _bannerHeight;
    private readonly float _panelWidth;

    public OverlayPainter(int width, int height, SessionTimeline timeline, OverlayOptions? options = null)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"overlay: frame size {width}×{height} must be positive");
        }

        ArgumentNullException.ThrowIfNull(timeline);
        Width = width;
        Height = height;
        _options = options ?? OverlayOptions.Default;
        _scale = OverlayScale.For(width, height);
        _bands = FppaBands.ForThreshold(timeline.ValgusThresholdDegrees);
        _strip = _options.ShowTimeline && timeline.TimesSeconds.Length > 1 ? new TimelineStrip(width, height, timeline, _bands, _scale) : null;

        _frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        _frameCanvas = new SKCanvas(_frame);

        var s = _scale;
        _dash = SKPathEffect.CreateDash([s.Px(10f), s.Px(7f)], 0);
        _boneOutline = Stroke(OverlayPalette.Outline, s.Px(7f));
        _bone = Stroke(OverlayPalette.Skeleton, s.Px(3.5f));
        _leg = Stroke(OverlayPalette.Green, s.Px(8f));
        _jointFill = new SKPaint { Color = OverlayPalette.Skeleton, IsAntialias = true };
        _jointOutline = new SKPaint { Color = OverlayPalette.Outline, IsAntialias = true };
        _ring = Stroke(OverlayPalette.Skeleton, s.Px(3f));
        _ringOutline = Stroke(OverlayPalette.Outline, s.Px(6f));
        _dashed = Stroke(SKColors.White.WithAlpha(0xC0), s.Px(2.5f));
        _dashed.PathEffect = _dash;
        _arc = Stroke(OverlayPalette.Green, s.Px(4f));
        _wedge = new SKPaint { Color = OverlayPalette.Green, IsAntialias = true, Style = SKPaintStyle.Fill };
        _arrow = Stroke(OverlayPalette.HipShift, s.Px(5f));
        _arrowHead = new SKPaint { Color = OverlayPalette.HipShift, IsAntialias = true, Style = SKPaintStyle.Fill };
        _pelvis = Stroke(OverlayPalette.Pelvis, s.Px(4f));
        _panelFill = new SKPaint { Color = OverlayPalette.PanelBackground, IsAntialias = true };
        _bannerFill = new SKPaint { Color = OverlayPalette.Red.WithAlpha(0xE6), IsAntialias = true };
        _text = new SKPaint { Color = OverlayPalette.Text, IsAntialias = true };

        _panelFont = new SKFont(ReportTypeface.Regular, s.TextPx(24f));
        _panelBold = new SKFont(ReportTypeface.Bold, s.TextPx(28f));
        _bannerFont = new SKFont(ReportTypeface.Bold, s.TextPx(32f));
        _kneeFont = new SKFont(ReportTypeface.Bold, s.TextPx(26f));
        _panelLineHeight = _panelFont.Spacing * 1.1f;
        _panelValueX = _panelFont.MeasureText("Pelvic drop") + s.Px(16f);
        _bannerHeight = _bannerFont.Spacing * 1.5f;
        _panelWidth = _panelValueX + _panelFont.MeasureText("+00.0 % leg") + (s.Px(16f) * 1.5f);

        var total = timeline.Reps.Length;
        _repLabels = new string[total + 1];
        _repsDoneLabels = new string[total + 1];
        for (var i = 0; i <= total; i++)
        {
            _repLabels[i] = string.Create(CultureInfo.InvariantCulture, $"Rep {i} of {total}");
            _repsDoneLabels[i] = string.Create(CultureInfo.InvariantCulture, $"Reps done {i} of {total}");
        }

        _bannerLabel = string.Create(CultureInfo.InvariantCulture, $"KNEE VALGUS  ≥ {timeline.ValgusThresholdDegrees:0.#}°");
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Draws the overlay into <paramref name="pixels"/> in place (BGR24, BGRA32 or Gray8 rows of
    /// <paramref name="strideBytes"/>), the frame size this painter was made for.
    /// </summary>
    public void Paint(Span<byte> pixels, int strideBytes, PixelFormat format, PoseFrame pose, in OverlayFrameState state)
    {
        PixelCopy.CheckFrame(pixels, strideBytes, format, Width, Height);

        var canvasPixels = (byte*)_frame.GetPixels();
        PixelCopy.Into(pixels, strideBytes, format, canvasPixels, _frame.RowBytes, Width, Height);
        Draw(_frameCanvas, pose, state);
        _frameCanvas.Flush();
        PixelCopy.OutOf(canvasPixels, _frame.RowBytes, pixels, strideBytes, format, Width, Height);
    }

    /// <summary>Draws the overlay onto any canvas whose drawing area is this painter's frame size.</summary>
    public void Draw(SKCanvas canvas, PoseFrame pose, in OverlayFrameState state)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(pose);
        if (pose.HasPose && pose.Landmarks.Length == BodyLandmarks.Count)
        {
            var sx = pose.ImageWidth > 0 ? Width / (float)pose.ImageWidth : 1f;
            var sy = pose.ImageHeight > 0 ? Height / (float)pose.ImageHeight : 1f;
            var view = new PoseView(pose, sx, sy, _options.VisibilityGateDefault);
            DrawPelvis(canvas, view);
            DrawBones(canvas, view);
            if (state.Stance is { } stance)
            {
                DrawHipShift(canvas, view, stance, state.HipShiftPercentOfLeg);
                DrawStanceLeg(canvas, view, stance, state.FppaDegrees, state.Trusted);
            }

            DrawJoints(canvas, view, pose);
            if (state.Stance is { } labelled)
            {
                DrawLabels(canvas, view, labelled, state);
            }
        }

        float panelBottom = DrawPanel(canvas, state);
        if (RefinedPointMarks.ShowsLegend(pose))
        {
            DrawRefinementLegend(canvas, panelBottom, RefinedPointMarks.RingLegendFor(pose));
        }

        // Red is for trusted numbers only: an event on a frame whose accuracy is unknown gets no banner.
        if (state.InValgusEvent && state.Trusted)
        {
            DrawBanner(canvas);
        }

        _strip?.Draw(canvas, state.TimeSeconds, state.FppaDegrees);
    }

    public void Dispose()
    {
        _strip?.Dispose();
        _frameCanvas.Dispose();
        _frame.Dispose();
        _boneOutline.Dispose();
        _bone.Dispose();
        _leg.Dispose();
        _jointFill.Dispose();
        _jointOutline.Dispose();
        _ring.Dispose();
        _ringOutline.Dispose();
        _dashed.Dispose();
        _arc.Dispose();
        _wedge.Dispose();
        _arrow.Dispose();
        _arrowHead.Dispose();
        _pelvis.Dispose();
        _panelFill.Dispose();
        _bannerFill.Dispose();
        _text.Dispose();
        _dash.Dispose();
        _path.Dispose();
        _panelFont.Dispose();
        _panelBold.Dispose();
        _bannerFont.Dispose();
        _kneeFont.Dispose();
        _texts.Dispose();
    }

    private static SKPaint Stroke(SKColor colour, float width) => new()
    {
        Color = colour,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = Math.Max(1f, width),
        StrokeCap = SKStrokeCap.Round,
        IsAntialias = true,
    };

    private void DrawBones(SKCanvas canvas, in PoseView view)
    {
        foreach (var (a, b) in SkeletonBones.Pairs)
        {
            if (!view.Visible(a) || !view.Visible(b))
            {
                continue;
            }

            var pa = view.Point(a);
            var pb = view.Point(b);
            canvas.DrawLine(pa, pb, _boneOutline);
            _bone.Color = OverlayPalette.Skeleton;
            canvas.DrawLine(pa, pb, _bone);
        }

        // Bones whose ends the model could not see: thin grey, so the viewer knows not to trust them.
        _bone.Color = OverlayPalette.Grey.WithAlpha(0xA0);
        foreach (var (a, b) in SkeletonBones.Pairs)
        {
            if (view.Visible(a) && view.Visible(b))
            {
                continue;
            }

            canvas.DrawLine(view.Point(a), view.Point(b), _bone);
        }

    }

    private void DrawJoints(SKCanvas canvas, in PoseView view, PoseFrame pose)
    {
        var radius = _scale.Px(5f);
        foreach (var joint in Joints)
        {
            var colour = view.Visible(joint) ? OverlayPalette.Skeleton : OverlayPalette.Grey;
            var p = view.Point(joint);
            if (RefinedPointMarks.IsRing(pose, joint))
            {
                DrawRing(canvas, p, radius * RefinedPointMarks.RingRadiusFactor, colour);
                continue;
            }

            _jointFill.Color = colour;
            canvas.DrawCircle(p, radius + _scale.Px(1.5f), _jointOutline);
            canvas.DrawCircle(p, radius, _jointFill);
        }
    }

    /// <summary>A refined point: a hollow ring, so the joint centre it marks stays visible inside it.</summary>
    private void DrawRing(SKCanvas canvas, SKPoint centre, float radius, SKColor colour)
    {
        canvas.DrawCircle(centre, radius, _ringOutline);
        _ring.Color = colour;
        canvas.DrawCircle(centre, radius, _ring);
    }

    /// <summary>One line under the panel: what a ring and a dot mean (only while refinement was asked for).</summary>
    private void DrawRefinementLegend(SKCanvas canvas, float top, string ringLegend)
    {
        var margin = _scale.Px(16f);
        var radius = _scale.Px(5f);
        var ring = _texts.Get(_panelFont, ringLegend);
        var dot = _texts.Get(_panelFont, RefinedPointMarks.DotLegend);
        var gap = _scale.Px(10f);
        var width = (radius * 4) + gap + ring.Width + (gap * 3) + (radius * 2) + gap + dot.Width + (margin * 1.5f);
        var height = _panelFont.Spacing * 1.3f;
        var box = SKRect.Create(margin, top + (margin * 0.4f), width, height);
        canvas.DrawRoundRect(box, margin * 0.6f, margin * 0.6f, _panelFill);
        var cy = box.MidY;
        var x = box.Left + (margin * 0.75f) + (radius * RefinedPointMarks.RingRadiusFactor);
        DrawRing(canvas, new SKPoint(x, cy), radius * RefinedPointMarks.RingRadiusFactor, OverlayPalette.Skeleton);
        x += (radius * RefinedPointMarks.RingRadiusFactor) + gap;
        var baseline = cy + (_panelFont.Size * 0.35f);
        _text.Color = OverlayPalette.Text;
        canvas.DrawText(ring.Blob, x, baseline, _text);
        x += ring.Width + (gap * 3) + radius;
        _jointFill.Color = OverlayPalette.Skeleton;
        canvas.DrawCircle(x, cy, radius + _scale.Px(1.5f), _jointOutline);
        canvas.DrawCircle(x, cy, radius, _jointFill);
        canvas.DrawText(dot.Blob, x + radius + gap, baseline, _text);
    }

    private void DrawPelvis(SKCanvas canvas, in PoseView view)
    {
        if (!view.Visible(BodyLandmark.LeftHip) || !view.Visible(BodyLandmark.RightHip))
        {
            return;
        }

        var left = view.Point(BodyLandmark.LeftHip);
        var right = view.Point(BodyLandmark.RightHip);
        var extendX = (right.X - left.X) * 0.35f;
        var extendY = (right.Y - left.Y) * 0.35f;
        canvas.DrawLine(left.X - extendX, left.Y - extendY, right.X + extendX, right.Y + extendY, _pelvis);
    }

    private void DrawHipShift(SKCanvas canvas, in PoseView view, StanceLeg stance, double? shiftPercent)
    {
        var hipMark = stance == StanceLeg.Left ? BodyLandmark.LeftHip : BodyLandmark.RightHip;
        var ankleMark = stance == StanceLeg.Left ? BodyLandmark.LeftAnkle : BodyLandmark.RightAnkle;
        if (shiftPercent is null || !view.Visible(hipMark) || !view.Visible(ankleMark))
        {
            return;
        }

        var hip = view.Point(hipMark);
        var ankle = view.Point(ankleMark);
        var foot = new SKPoint(ankle.X, hip.Y);

        // The plumb line up from the ankle is the reference the shift is measured from.
        canvas.DrawLine(ankle, foot, _dashed);
        var dx = hip.X - foot.X;
        var head = _scale.Px(16f);
        if (Math.Abs(dx) > head)
        {
            var direction = Math.Sign(dx);
            var shaftEnd = new SKPoint(hip.X - (direction * head * 0.8f), hip.Y);
            canvas.DrawLine(foot, shaftEnd, _arrow);
            _path.Reset();
            _path.MoveTo(hip);
            _path.LineTo(hip.X - (direction * head), hip.Y - (head * 0.55f));
            _path.LineTo(hip.X - (direction * head), hip.Y + (head * 0.55f));
            _path.Close();
            _arrowHead.Color = OverlayPalette.HipShift;
            canvas.DrawPath(_path, _arrowHead);
        }
        else
        {
            canvas.DrawLine(foot, hip, _arrow);
        }
    }

    /// <summary>The band's colour for a trusted number; grey for one whose accuracy is unknown.</summary>
    private static SKColor Colour(FppaBand band, bool trusted) => trusted ? OverlayPalette.For(band) : OverlayPalette.Grey;

    private void DrawStanceLeg(SKCanvas canvas, in PoseView view, StanceLeg stance, double? fppaDegrees, bool trusted)
    {
        var hipMark = stance == StanceLeg.Left ? BodyLandmark.LeftHip : BodyLandmark.RightHip;
        var kneeMark = stance == StanceLeg.Left ? BodyLandmark.LeftKnee : BodyLandmark.RightKnee;
        var ankleMark = stance == StanceLeg.Left ? BodyLandmark.LeftAnkle : BodyLandmark.RightAnkle;
        var hip = view.Point(hipMark);
        var knee = view.Point(kneeMark);
        var ankle = view.Point(ankleMark);
        var band = _bands.Classify(fppaDegrees);
        var colour = Colour(band, trusted);

        _leg.Color = colour;
        canvas.DrawLine(hip, knee, _boneOutline);
        canvas.DrawLine(knee, ankle, _boneOutline);
        canvas.DrawLine(hip, knee, _leg);
        canvas.DrawLine(knee, ankle, _leg);

        var thigh = knee - hip;
        var shank = ankle - knee;
        var thighLength = thigh.Length;
        var shankLength = shank.Length;
        if (thighLength < 1f || shankLength < 1f)
        {
            return;
        }

        if (band != FppaBand.Undefined)
        {
            // The FPPA is the angle between the thigh's line carried on past the knee and the shank: draw both.
            var along = new SKPoint(thigh.X / thighLength, thigh.Y / thighLength);
            var reach = shankLength * 0.55f;
            canvas.DrawLine(knee, knee + new SKPoint(along.X * reach, along.Y * reach), _dashed);
            var radius = shankLength * 0.35f;
            var start = MathF.Atan2(along.Y, along.X) * (180f / MathF.PI);
            var cross = (along.X * shank.Y) - (along.Y * shank.X);
            var dot = (along.X * shank.X) + (along.Y * shank.Y);
            var sweep = MathF.Atan2(cross, dot) * (180f / MathF.PI);
            var oval = new SKRect(knee.X - radius, knee.Y - radius, knee.X + radius, knee.Y + radius);
            _wedge.Color = colour.WithAlpha(0x70);
            canvas.DrawArc(oval, start, sweep, true, _wedge);
            _arc.Color = colour;
            canvas.DrawArc(oval, start, sweep, false, _arc);
        }
    }

    /// <summary>Labels go on the outside of the stance leg (away from the other hip), where they hide neither leg.</summary>
    private void DrawLabels(SKCanvas canvas, in PoseView view, StanceLeg stance, in OverlayFrameState state)
    {
        var hipMark = stance == StanceLeg.Left ? BodyLandmark.LeftHip : BodyLandmark.RightHip;
        var otherHipMark = stance == StanceLeg.Left ? BodyLandmark.RightHip : BodyLandmark.LeftHip;
        var kneeMark = stance == StanceLeg.Left ? BodyLandmark.LeftKnee : BodyLandmark.RightKnee;
        var ankleMark = stance == StanceLeg.Left ? BodyLandmark.LeftAnkle : BodyLandmark.RightAnkle;
        var hip = view.Point(hipMark);
        var knee = view.Point(kneeMark);
        var outward = hip.X >= view.Point(otherHipMark).X ? 1f : -1f;
        var gap = _scale.Px(26f);

        var band = _bands.Classify(state.FppaDegrees);
        var text = band == FppaBand.Undefined ? "FPPA —" : _degrees.Get(state.FppaDegrees!.Value);
        var label = _texts.Get(_kneeFont, text);
        var lx = outward > 0 ? knee.X + gap : knee.X - gap - label.Width;
        DrawPill(canvas, label, lx, knee.Y + (_kneeFont.Size * 0.35f), _kneeFont, Colour(band, state.Trusted));

        if (state.HipShiftPercentOfLeg is { } shift && view.Visible(hipMark) && view.Visible(ankleMark))
        {
            var shiftLabel = _texts.Get(_panelFont, _percent.Get(shift));
            var x = Math.Max(hip.X, view.Point(ankleMark).X);
            x = outward > 0 ? x + gap : Math.Min(hip.X, view.Point(ankleMark).X) - gap - shiftLabel.Width;
            DrawPill(canvas, shiftLabel, x, hip.Y + (_panelFont.Size * 0.35f), _panelFont, OverlayPalette.HipShift);
        }
    }

    private void DrawPill(SKCanvas canvas, CachedText label, float x, float baselineY, SKFont font, SKColor accent)
    {
        var padX = font.Size * 0.35f;
        var rect = new SKRect(x - padX, baselineY - (font.Size * 1.0f), x + label.Width + padX, baselineY + (font.Size * 0.3f));
        var corner = font.Size * 0.3f;
        canvas.DrawRoundRect(rect, corner, corner, _panelFill);
        _text.Color = accent;
        canvas.DrawText(label.Blob, x, baselineY, _text);
        _text.Color = OverlayPalette.Text;
    }

    /// <summary>The panel of rep and values; returns its bottom edge.</summary>
    private float DrawPanel(SKCanvas canvas, in OverlayFrameState state)
    {
        var margin = _scale.Px(16f);
        var top = margin + _bannerHeight;
        var lines = 5;
        var panelWidth = _panelWidth;
        var panelHeight = (_panelBold.Spacing * 1.15f) + (_panelLineHeight * (lines - 1)) + (margin * 0.8f);
        canvas.DrawRoundRect(SKRect.Create(margin, top, panelWidth, panelHeight), margin * 0.6f, margin * 0.6f, _panelFill);

        var x = margin * 1.75f;
        var y = top + (margin * 0.4f) + _panelBold.Size;
        var repIndex = Math.Clamp(state.RepNumber > 0 ? state.RepNumber : state.RepsCompleted, 0, _repLabels.Length - 1);
        var repText = state.RepNumber > 0 ? _repLabels[repIndex] : _repsDoneLabels[repIndex];
        _text.Color = OverlayPalette.Text;
        canvas.DrawText(_texts.Get(_panelBold, repText).Blob, x, y, _text);

        y += _panelBold.Spacing * 0.15f;
        y += _panelLineHeight;
        var stanceText = state.Stance switch
        {
            StanceLeg.Left => "left",
            StanceLeg.Right => "right",
            _ => "—",
        };
        DrawRow(canvas, "Stance leg", stanceText, x, y, state.Stance is null ? OverlayPalette.Grey : OverlayPalette.Text);

        y += _panelLineHeight;
        var band = _bands.Classify(state.FppaDegrees);
        DrawRow(canvas, "Knee FPPA", band == FppaBand.Undefined ? "—" : _degrees.Get(state.FppaDegrees!.Value), x, y, Colour(band, state.Trusted));

        y += _panelLineHeight;
        DrawRow(canvas, "Hip shift", state.HipShiftPercentOfLeg is { } shift ? _percent.Get(shift) : "—", x, y,
            state.HipShiftPercentOfLeg is null ? OverlayPalette.Grey : OverlayPalette.HipShift);

        y += _panelLineHeight;
        DrawRow(canvas, "Pelvic drop", state.PelvicDropDegrees is { } drop ? _degrees.Get(drop) : "—", x, y,
            state.PelvicDropDegrees is null ? OverlayPalette.Grey : OverlayPalette.Pelvis);
        return top + panelHeight;
    }

    private void DrawRow(SKCanvas canvas, string label, string value, float x, float y, SKColor valueColour)
    {
        _text.Color = OverlayPalette.Text.WithAlpha(0xC8);
        canvas.DrawText(_texts.Get(_panelFont, label).Blob, x, y, _text);
        _text.Color = valueColour;
        canvas.DrawText(_texts.Get(_panelFont, value).Blob, x + _panelValueX, y, _text);
        _text.Color = OverlayPalette.Text;
    }

    private void DrawBanner(SKCanvas canvas)
    {
        canvas.DrawRect(0, 0, Width, _bannerHeight, _bannerFill);
        var label = _texts.Get(_bannerFont, _bannerLabel);
        var x = Math.Max(_scale.Px(8f), (Width - label.Width) / 2f);
        _text.Color = OverlayPalette.Text;
        canvas.DrawText(label.Blob, x, (_bannerHeight / 2f) + (_bannerFont.Size * 0.36f), _text);
    }
}
