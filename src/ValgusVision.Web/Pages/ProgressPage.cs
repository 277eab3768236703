using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ValgusVision.Domain.Analysis;
using ValgusVision.Web.Storage;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>A client's progress: FPPA per leg per exercise over time, the lunge test's angle per leg, screens marked.</summary>
public static class ProgressPage
{
    // The report charts' colours, so a leg looks the same everywhere.
    private const string LeftColour = "#1f77b4";
    private const string RightColour = "#8e44ad";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/clients/{id:long}/progress", ShowAsync);

    private static async Task<IResult> ShowAsync(HttpContext context, ClinicServices clinic, long id)
    {
        if (await clinic.Store.GetClientAsync(id, context.RequestAborted) is not { } client)
        {
            return Layout.Problem(context, 404, "there is no such client", "/clients");
        }

        var done = (await clinic.Store.ListSessionsAsync(id, context.RequestAborted)).Where(s => s.State == SessionState.Done).ToList();
        var screens = done.Where(s => s.IsScreen).Select(PlacedOn).ToList();
        var fppa = new List<ProgressSeries>();
        int index = 0;
        foreach (var group in done.Where(s => s.Metrics.Exercise is { } e && e != "ankle-lunge").GroupBy(s => s.Metrics.Exercise!))
        {
            string title = ExerciseNames.Parse(group.Key)?.ToTitle() ?? group.Key;
            bool dashed = index++ % 2 == 1;
            fppa.Add(new ProgressSeries($"left, {title}", LeftColour, dashed, Points(group, s => s.Metrics.LeftFppaDeg)));
            fppa.Add(new ProgressSeries($"right, {title}", RightColour, dashed, Points(group, s => s.Metrics.RightFppaDeg)));
        }

        var lungeSessions = done.Where(s => s.Metrics.Exercise == "ankle-lunge").ToList();
        var lunge = new List<ProgressSeries>
        {
            new("left", LeftColour, false, Points(lungeSessions, s => s.Metrics.LeftLungeDeg)),
            new("right", RightColour, false, Points(lungeSessions, s => s.Metrics.RightLungeDeg)),
        };
        var body = H($"""
            <p><a href="/clients/{id}">{client.Name}</a></p>
            <h1>Progress of {client.Name}</h1>
            {UndatedNote(done)}
            <div class="card"><h2 style="margin-top:0">Knee angle (FPPA) at the bottom, per leg and exercise</h2>
            <p class="muted">Degrees, valgus positive; the mean over each session's trusted reps. A session without a trusted rep for a leg is left out, not guessed.</p>
            {ProgressChart.Svg("chart-fppa", "FPPA at the bottom over time", "FPPA (°)", fppa, screens)}</div>
            <div class="card"><h2 style="margin-top:0">Weight-bearing lunge test, per leg</h2>
            <p class="muted">Best tibial inclination with the heel down, degrees (below 35° is restricted).</p>
            {ProgressChart.Svg("chart-lunge", "Lunge test angle over time", "inclination (°)", lunge, screens)}</div>
            <div class="card"><h2 style="margin-top:0">Position-sense drill</h2>
            <p class="muted">The drill runs in live sessions, which this web app does not record yet; its error will appear here when it does.</p></div>
            """);
        return Layout.Page(context, $"Progress of {client.Name}", body);
    }

    private static List<ProgressPoint> Points(IEnumerable<Session> sessions, Func<Session, double?> value) =>
        sessions.Where(s => value(s) is not null)
            .Select(s => new ProgressPoint(PlacedOn(s), value(s)!.Value, Undated: s.Metrics.Recorded is null))
            .OrderBy(p => p.Date)
            .ToList();

    /// <summary>
    /// Where a session stands on the time axis: the day it was recorded (report.json's <c>recordedAt</c>: the video's
    /// own date, the live recording's clock or the user's), else the session's date as entered (marked "*").
    /// </summary>
    internal static DateOnly PlacedOn(Session session) => session.Metrics.Recorded?.Day ?? session.Date;

    /// <summary>The "*" note, only when a drawn session's recording date is not known.</summary>
    private static SafeHtml UndatedNote(IReadOnlyCollection<Session> done)
    {
        int undated = done.Count(s => s.Metrics.Recorded is null);
        return undated == 0
            ? SafeHtml.Empty
            : H($"""<p class="muted" id="undated-note">* {undated} of {done.Count} sessions do not say when they were recorded (no date in the video); they are placed on the session's date as entered, drawn as open circles.</p>""");
    }
}
