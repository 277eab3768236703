using System.Globalization;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>One line of the progress chart: a value per session date; sessions without a value are simply not drawn.</summary>
public sealed record ProgressSeries(string Name, string Colour, bool Dashed, IReadOnlyList<ProgressPoint> Points);

/// <summary>
/// A session's value on its date. <paramref name="Undated"/>: the recording's own date is not known, so the date is the
/// session's as entered; the chart draws it hollow and marked "*".
/// </summary>
public sealed record ProgressPoint(DateOnly Date, double Value, bool Undated = false)
{
    public static implicit operator ProgressPoint((DateOnly Date, double Value) point) => new(point.Date, point.Value);
}

/// <summary>
/// Values over dates as an SVG line chart, screen dates marked by dashed vertical lines. Server-drawn: no script, the
/// same in every browser, readable at phone width (it scales to the page).
/// </summary>
public static class ProgressChart
{
    // Narrow enough that its 13 px text stays readable when a phone scales it to its width.
    private const double Width = 520, Height = 300, Left = 44, Right = 12, Top = 16, Bottom = 40;

    public static SafeHtml Svg(string id, string title, string yLabel, IReadOnlyList<ProgressSeries> series, IReadOnlyList<DateOnly> screens)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            return H($"<p class=\"muted\" id=\"{id}-empty\">No measured values yet.</p>");
        }

        var dates = points.Select(p => p.Date).Concat(screens).ToList();
        int first = dates.Min().DayNumber, last = dates.Max().DayNumber;
        if (last - first < 6)
        {
            first -= 3;
            last += 3;
        }

        double low = Math.Min(0, points.Min(p => p.Value)), high = Math.Max(0, points.Max(p => p.Value));
        double step = NiceStep((high - low) / 5);
        low = Math.Floor(low / step) * step;
        high = Math.Max(low + step, Math.Ceiling(high / step) * step);

        double X(DateOnly d) => Left + (d.DayNumber - first) * (Width - Left - Right) / (last - first);
        double Y(double v) => Top + (high - v) * (Height - Top - Bottom) / (high - low);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var grid = new List<SafeHtml>();
        for (double v = low; v <= high + step / 2; v += step)
        {
            grid.Add(H($"""<line x1="{F(Left)}" x2="{F(Width - Right)}" y1="{F(Y(v))}" y2="{F(Y(v))}" stroke="{(Math.Abs(v) < 1e-9 ? "#888" : "#d5dbe1")}"/><text x="{F(Left - 6)}" y="{F(Y(v) + 4)}" text-anchor="end" font-size="13" fill="#5b6672">{F(v)}</text>"""));
        }

        var ticks = TickDates(first, last).ToList();
        for (int i = 0; i < ticks.Count; i++)
        {
            // The end labels lean inwards so they are not cut at the chart's edges.
            string anchor = i == 0 ? "start" : i == ticks.Count - 1 ? "end" : "middle";
            grid.Add(H($"""<text x="{F(X(ticks[i]))}" y="{F(Height - Bottom + 18)}" text-anchor="{anchor}" font-size="13" fill="#5b6672">{ticks[i]:yyyy-MM-dd}</text>"""));
        }

        var marks = screens.Distinct().Select(d => H($"""<g class="screen"><line x1="{F(X(d))}" x2="{F(X(d))}" y1="{F(Top)}" y2="{F(Height - Bottom)}" stroke="#c0392b" stroke-dasharray="4 4"/><text x="{F(X(d) + 3)}" y="{F(Top + 10)}" font-size="13" fill="#c0392b">screen</text></g>"""));
        var lines = series.Where(s => s.Points.Count > 0).Select(s =>
        {
            var ordered = s.Points.OrderBy(p => p.Date).ToList();
            string path = string.Join(' ', ordered.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{F(X(p.Date))},{F(Y(p.Value))}"));
            var dots = ordered.Select(p => p.Undated
                ? H($"""<g class="undated"><circle cx="{F(X(p.Date))}" cy="{F(Y(p.Value))}" r="4" fill="#fff" stroke="{s.Colour}" stroke-width="2"><title>{s.Name}, {p.Date:yyyy-MM-dd}*: {F(p.Value)}° (recording date unknown)</title></circle><text x="{F(X(p.Date) + 4)}" y="{F(Y(p.Value) + 17)}" font-size="13" fill="#5b6672">*</text></g>""")
                : H($"""<circle cx="{F(X(p.Date))}" cy="{F(Y(p.Value))}" r="4" fill="{s.Colour}"><title>{s.Name}, {p.Date:yyyy-MM-dd}: {F(p.Value)}°</title></circle>"""));
            return H($"""<g class="series" data-name="{s.Name}"><path d="{path}" fill="none" stroke="{s.Colour}" stroke-width="2"{(s.Dashed ? Constant(" stroke-dasharray=\"7 4\"") : SafeHtml.Empty)}/>{dots}</g>""");
        });
        var legend = series.Where(s => s.Points.Count > 0).Select(s => H($"<span style=\"--c:{s.Colour}\">{s.Name}</span>"));
        return H($"""
            <figure style="margin:0"><svg id="{id}" viewBox="0 0 {F(Width)} {F(Height)}" role="img" aria-label="{title}" xmlns="http://www.w3.org/2000/svg">
            <title>{title}</title>{grid}{marks}{lines}
            <text x="12" y="{F(Top + (Height - Top - Bottom) / 2)}" font-size="13" fill="#5b6672" transform="rotate(-90 12 {F(Top + (Height - Top - Bottom) / 2)})" text-anchor="middle">{yLabel}</text>
            </svg><figcaption class="legend">{legend}</figcaption></figure>
            """);
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static IEnumerable<DateOnly> TickDates(int first, int last)
    {
        int span = last - first;
        int ticks = Math.Min(3, Math.Max(1, span));
        for (int i = 0; i <= ticks; i++)
        {
            yield return DateOnly.FromDayNumber(first + (int)Math.Round((double)i * span / ticks));
        }
    }
}
