using SkiaSharp;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The strip along the bottom of the overlay: the whole session's FPPA curve (coloured by band, gaps where
/// undefined), the amber and threshold lines, reps marked, valgus events shaded. It is drawn once into a bitmap;
/// each frame only blits it and draws the playhead.
/// </summary>
internal sealed class TimelineStrip : IDisposable
{
    private readonly SKImage _image;
    private readonly SKRect _plot;
    private readonly float _top;
    private readonly float _labelBaseline;
    private readonly double _startSeconds;
    private readonly double _spanSeconds;
    private readonly double _minDegrees;
    private readonly double _maxDegrees;
    private readonly SKPaint _playhead;
    private readonly SKPaint _dotFill;
    private readonly SKPaint _dotEdge;
    private readonly float _dotRadius;

    public TimelineStrip(int frameWidth, int frameHeight, SessionTimeline timeline, FppaBands bands, OverlayScale scale)
    {
        var height = (int)Math.Ceiling(Math.Max(40f, scale.Px(104f)));
        Height = Math.Min(height, frameHeight / 3);
        _top = frameHeight - Height;
        _startSeconds = timeline.StartSeconds;
        _spanSeconds = Math.Max(1e-6, timeline.EndSeconds - timeline.StartSeconds);
        (_minDegrees, _maxDegrees) = ValueRange(timeline, bands);

        // A row for the rep numbers above the curve, so a peak never runs through them.
        var margin = scale.Px(10f);
        var labelWidth = scale.TextPx(16f) * 2.6f;
        var labelRow = scale.TextPx(15f) * 1.1f;
        _plot = new SKRect(margin + labelWidth, (margin * 0.6f) + labelRow, frameWidth - margin, Height - (margin * 0.8f));
        _labelBaseline = (margin * 0.6f) + (labelRow * 0.85f);

        // Kept as an immutable image: drawing an SKBitmap wraps it in a new SKImage on every call.
        using (var bitmap = new SKBitmap(new SKImageInfo(frameWidth, Height, SKColorType.Bgra8888, SKAlphaType.Premul)))
        {
            using (var canvas = new SKCanvas(bitmap))
            {
                DrawStatic(canvas, timeline, bands, scale, frameWidth);
            }

            _image = SKImage.FromBitmap(bitmap);
        }

        _playhead = new SKPaint { Color = SKColors.White, StrokeWidth = Math.Max(1.5f, scale.Px(3f)), IsAntialias = true };
        _dotFill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        _dotEdge = new SKPaint { Color = OverlayPalette.Outline, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1f, scale.Px(2f)), IsAntialias = true };
        _dotRadius = Math.Max(2.5f, scale.Px(6f));
    }

    public int Height { get; }

    public void Draw(SKCanvas canvas, double timeSeconds, double? fppaDegrees)
    {
        canvas.DrawImage(_image, 0, _top);
        var x = X(timeSeconds);
        canvas.DrawLine(x, _top + _plot.Top, x, _top + _plot.Bottom, _playhead);
        if (fppaDegrees is { } value && !double.IsNaN(value))
        {
            var y = _top + Y(value);
            canvas.DrawCircle(x, y, _dotRadius, _dotFill);
            canvas.DrawCircle(x, y, _dotRadius, _dotEdge);
        }
    }

    public void Dispose()
    {
        _image.Dispose();
        _playhead.Dispose();
        _dotFill.Dispose();
        _dotEdge.Dispose();
    }

    private static (double Min, double Max) ValueRange(SessionTimeline timeline, FppaBands bands)
    {
        // Always show from slight varus to a little above the threshold, widened to fit the data.
        var min = -5.0;
        var max = bands.RedFromDegrees + 5.0;
        foreach (var value in timeline.FppaDegrees)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var pad = (max - min) * 0.05;
        return (min - pad, max + pad);
    }

    private float X(double timeSeconds)
    {
        var fraction = Math.Clamp((timeSeconds - _startSeconds) / _spanSeconds, 0.0, 1.0);
        return _plot.Left + (float)(fraction * _plot.Width);
    }

    private float Y(double degrees)
    {
        var fraction = (Math.Clamp(degrees, _minDegrees, _maxDegrees) - _minDegrees) / (_maxDegrees - _minDegrees);
        return _plot.Bottom - (float)(fraction * _plot.Height);
    }

    private void DrawStatic(SKCanvas canvas, SessionTimeline timeline, FppaBands bands, OverlayScale scale, int width)
    {
        canvas.Clear(SKColors.Transparent);
        using var background = new SKPaint { Color = OverlayPalette.PanelBackground.WithAlpha(0x80) };
        canvas.DrawRect(0, 0, width, Height, background);

        using var eventFill = new SKPaint { Color = (timeline.Trusted ? OverlayPalette.Red : OverlayPalette.Grey).WithAlpha(0x55) };
        foreach (var interval in timeline.ValgusEvents)
        {
            canvas.DrawRect(SKRect.Create(X(interval.StartSeconds), _plot.Top, Math.Max(1f, X(interval.EndSeconds) - X(interval.StartSeconds)), _plot.Height), eventFill);
        }

        using var repFill = new SKPaint { Color = SKColors.White.WithAlpha(0x18) };
        using var repTick = new SKPaint { Color = SKColors.White.WithAlpha(0xB0), StrokeWidth = Math.Max(1f, scale.Px(1.5f)), IsAntialias = true };
        using var font = new SKFont(ReportTypeface.Regular, scale.TextPx(15f));
        using var textPaint = new SKPaint { Color = SKColors.White.WithAlpha(0xD0), IsAntialias = true };
        foreach (var rep in timeline.Reps)
        {
            canvas.DrawRect(SKRect.Create(X(rep.StartSeconds), _plot.Top, X(rep.EndSeconds) - X(rep.StartSeconds), _plot.Height), repFill);
            var bottomX = X(rep.BottomSeconds);
            canvas.DrawLine(bottomX, _plot.Top - scale.Px(3f), bottomX, _plot.Top + scale.Px(6f), repTick);
            canvas.DrawText(rep.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), bottomX, _labelBaseline, SKTextAlign.Center, font, textPaint);
        }

        using var zeroLine = new SKPaint { Color = SKColors.White.WithAlpha(0x70), StrokeWidth = Math.Max(1f, scale.Px(1f)) };
        canvas.DrawLine(_plot.Left, Y(0), _plot.Right, Y(0), zeroLine);
        using var dash = SKPathEffect.CreateDash([scale.Px(8f), scale.Px(6f)], 0);
        using var amberLine = new SKPaint { Color = OverlayPalette.Amber.WithAlpha(0xC0), StrokeWidth = Math.Max(1f, scale.Px(1.5f)), PathEffect = dash };
        canvas.DrawLine(_plot.Left, Y(bands.AmberFromDegrees), _plot.Right, Y(bands.AmberFromDegrees), amberLine);
        using var redLine = new SKPaint { Color = OverlayPalette.Red, StrokeWidth = Math.Max(1f, scale.Px(1.5f)), PathEffect = dash };
        canvas.DrawLine(_plot.Left, Y(bands.RedFromDegrees), _plot.Right, Y(bands.RedFromDegrees), redLine);

        var labelX = _plot.Left - scale.Px(6f);
        canvas.DrawText("FPPA", labelX, _labelBaseline, SKTextAlign.Right, font, textPaint);
        canvas.DrawText("0°", labelX, Y(0) + (font.Size * 0.35f), SKTextAlign.Right, font, textPaint);
        var thresholdLabel = bands.RedFromDegrees.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "°";
        canvas.DrawText(thresholdLabel, labelX, Y(bands.RedFromDegrees) + (font.Size * 0.35f), SKTextAlign.Right, font, textPaint);

        using var curve = new SKPaint { StrokeWidth = Math.Max(1.2f, scale.Px(2.5f)), IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        var times = timeline.TimesSeconds;
        var values = timeline.FppaDegrees;
        for (var i = 1; i < times.Length; i++)
        {
            if (double.IsNaN(values[i - 1]) || double.IsNaN(values[i]))
            {
                continue;
            }

            curve.Color = timeline.Trusted ? OverlayPalette.For(bands.Classify(Math.Max(values[i - 1], values[i]))) : OverlayPalette.Grey;
            canvas.DrawLine(X(times[i - 1]), Y(values[i - 1]), X(times[i]), Y(values[i]), curve);
        }
    }
}
