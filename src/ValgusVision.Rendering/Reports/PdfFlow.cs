using SkiaSharp;
using ValgusVision.Rendering.Text;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Flows report content down A4 pages of an SKDocument: wrapped text, tables, images, starting a new page when
/// the next block does not fit. Units are PDF points (1/72 inch); A4 is 595 × 842 pt.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;
    public const float Margin = 40f;
    private const float FooterHeight = 24f;

    private readonly SKDocument _document;
    private readonly string _footer;
    private readonly SKPaint _ink = new() { Color = new SKColor(0x1d, 0x27, 0x33), IsAntialias = true };
    private readonly SKPaint _fill = new() { IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xe3, 0xe8, 0xee), StrokeWidth = 0.8f, Style = SKPaintStyle.Stroke, IsAntialias = true };
    private SKCanvas? _canvas;
    private int _page;

    public PdfFlow(SKDocument document, string footer)
    {
        _document = document;
        _footer = footer;
        Body = new SKFont(ReportTypeface.Regular, 9.5f);
        Small = new SKFont(ReportTypeface.Regular, 7.5f);
        Bold = new SKFont(ReportTypeface.Bold, 9.5f);
        Heading = new SKFont(ReportTypeface.Bold, 13f);
        Title = new SKFont(ReportTypeface.Bold, 19f);
        Big = new SKFont(ReportTypeface.Bold, 22f);
        NewPage();
    }

    public SKFont Body { get; }

    public SKFont Small { get; }

    public SKFont Bold { get; }

    public SKFont Heading { get; }

    public SKFont Title { get; }

    public SKFont Big { get; }

    public float Y { get; set; }

    public static float ContentWidth => PageWidth - (2 * Margin);

    public SKCanvas Canvas => _canvas!;

    public static SKColor Muted { get; } = new(0x5d, 0x6b, 0x7a);

    public static SKColor Ink { get; } = new(0x1d, 0x27, 0x33);

    public void NewPage()
    {
        if (_canvas is not null)
        {
            DrawFooter();
            _document.EndPage();
        }

        _page++;
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Need(float height)
    {
        if (Y + height > PageHeight - Margin - FooterHeight && Y > Margin + 1)
        {
            NewPage();
        }
    }

    public void Gap(float points) => Y += points;

    public void HeadingText(string text)
    {
        Need(Heading.Spacing + 60);
        Y += 10;
        Text(text, Heading, Ink);
        Canvas.DrawLine(Margin, Y + 1, PageWidth - Margin, Y + 1, _rule);
        Y += 7;
    }

    /// <summary>Wrapped text across the content width (or <paramref name="width"/> from <paramref name="x"/>).</summary>
    public void Text(string text, SKFont font, SKColor colour, float? x = null, float? width = null)
    {
        var left = x ?? Margin;
        var lines = Wrap(text, font, width ?? ContentWidth);
        foreach (var line in lines)
        {
            Need(font.Spacing);
            _ink.Color = colour;
            Canvas.DrawText(line, left, Y + font.Size, SKTextAlign.Left, font, _ink);
            Y += font.Spacing;
        }
    }

    /// <summary>Height that <see cref="Text"/> would use for this text.</summary>
    public static float TextHeight(string text, SKFont font, float width) => Wrap(text, font, width).Count * font.Spacing;

    public void DrawTextAt(string text, float x, float baseline, SKFont font, SKColor colour, SKTextAlign align = SKTextAlign.Left)
    {
        _ink.Color = colour;
        Canvas.DrawText(text, x, baseline, align, font, _ink);
    }

    public void FillRoundRect(SKRect rect, float radius, SKColor colour)
    {
        _fill.Color = colour;
        _fill.Style = SKPaintStyle.Fill;
        Canvas.DrawRoundRect(rect, radius, radius, _fill);
    }

    public void StrokeRoundRect(SKRect rect, float radius)
    {
        Canvas.DrawRoundRect(rect, radius, radius, _rule);
    }

    public void Rule(float y) => Canvas.DrawLine(Margin, y, PageWidth - Margin, y, _rule);

    /// <summary>An image scaled to <paramref name="width"/>, kept whole on one page.</summary>
    public void Image(SKImage image, float x, float width, bool advance = true)
    {
        var height = width * image.Height / image.Width;
        Need(height);
        Canvas.DrawImage(image, SKRect.Create(x, Y, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (advance)
        {
            Y += height;
        }
    }

    public void Finish()
    {
        DrawFooter();
        _document.EndPage();
        _canvas = null;
        _document.Close();
    }

    public void Dispose()
    {
        _ink.Dispose();
        _fill.Dispose();
        _rule.Dispose();
        Body.Dispose();
        Small.Dispose();
        Bold.Dispose();
        Heading.Dispose();
        Title.Dispose();
        Big.Dispose();
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private void DrawFooter()
    {
        var baseline = PageHeight - (Margin / 2);
        DrawTextAt(_footer, Margin, baseline, Small, Muted);
        DrawTextAt($"page {_page}", PageWidth - Margin, baseline, Small, Muted, SKTextAlign.Right);
    }
}
