using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ValgusVision.App;
using ValgusVision.Web.Analysis;
using ValgusVision.Web.Storage;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>A session's page (state and progress, the report, the overlay video) and its files.</summary>
public static class SessionPages
{
    /// <summary>The files a session page may serve: a fixed list, so a request never names a path.</summary>
    private static readonly Dictionary<string, (Func<OutputPaths, string> Path, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["report.html"] = (p => p.ReportHtml, "text/html; charset=utf-8"),
        ["overlay.mp4"] = (p => p.OverlayVideo, "video/mp4"),
        ["report.json"] = (p => p.ReportJson, "application/json"),
        ["report.pdf"] = (p => p.ReportPdf, "application/pdf"),
        ["frames.csv"] = (p => p.FramesCsv, "text/csv"),
        ["reps.csv"] = (p => p.RepsCsv, "text/csv"),
        [ProtocolCard.FileName] = (p => ProtocolCard.PathIn(p.Directory), "text/csv"),
        [DrillCard.SummaryFile] = (p => Path.Combine(p.Directory, DrillCard.SummaryFile), "text/csv"),
        [DrillCard.TrialsFile] = (p => Path.Combine(p.Directory, DrillCard.TrialsFile), "text/csv"),
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sessions/{id:long}", ShowAsync);
        app.MapGet("/sessions/{id:long}/files/{name}", FileAsync);
        app.MapPost("/sessions/{id:long}/delete", DeleteAsync);
    }

    public static SafeHtml DateAndExercise(string today) => H($"""
        <label for="date">Date</label><input type="date" id="date" name="date" value="{today}" required>
        <label for="exercise">Exercise</label><select id="exercise" name="exercise">
        <option value="auto">Recognise from the motion</option><option value="squat">Single-leg squat</option>
        <option value="hinge">Single-leg hinge</option><option value="hitch">Hip hitch</option>
        <option value="drop-jump">Drop vertical jump</option><option value="ankle-lunge">Weight-bearing lunge test</option></select>
        <label class="inline"><input type="checkbox" name="screen" value="1"> Screen (marked on the progress chart)</label>
        """);

    private static string SourceText(SessionSource source) => source switch
    {
        SessionSource.Import => "imported",
        SessionSource.Live => "recorded live",
        _ => "uploaded",
    };

    public static SafeHtml StateText(Session s, AnalysisQueue queue) => s.State switch
    {
        SessionState.Done => H($"<span class=\"state\">done</span>"),
        SessionState.Failed => H($"<span class=\"problem\">failed: {s.Problem}</span>"),
        SessionState.Running when queue.ProgressOf(s.Id) is { } p => H($"<span class=\"state\">analysing: {PhaseText(p)}</span>"),
        SessionState.Running => H($"<span class=\"state\">analysing</span>"),
        _ => H($"<span class=\"state\">queued</span>"),
    };

    private static string PhaseText(JobProgress p) => p.Phase switch
    {
        JobPhase.Opening => "opening",
        JobPhase.Pose => "finding the pose",
        JobPhase.Analysis => "measuring",
        JobPhase.Overlay => "drawing the overlay",
        JobPhase.Reports => "writing the report",
        _ => "finishing",
    };

    /// <summary>0–1 over both passes (pose, then overlay), null when the length is unknown.</summary>
    private static double? Fraction(JobProgress p) => p.Phase switch
    {
        JobPhase.Pose when p.Total is > 0 => 0.5 * p.Done / p.Total.Value,
        JobPhase.Analysis => 0.5,
        JobPhase.Overlay when p.Total is > 0 => 0.5 + 0.45 * p.Done / p.Total.Value,
        JobPhase.Reports or JobPhase.Finished => 0.95,
        _ => null,
    };

    private static async Task<IResult> ShowAsync(HttpContext context, ClinicServices clinic, long id)
    {
        if (await clinic.Store.GetSessionAsync(id, context.RequestAborted) is not { } s
            || await clinic.Store.GetClientAsync(s.ClientId, context.RequestAborted) is not { } client)
        {
            return Layout.Problem(context, 404, "there is no such session", "/clients");
        }

        var outputs = clinic.Data.Outputs(s);
        var content = s.State switch
        {
            SessionState.Done => Finished(s, outputs),
            SessionState.Failed => H($"<div class=\"card\"><p class=\"problem\" id=\"problem\">{s.Problem}</p></div>"),
            _ => Waiting(s, clinic.Queue),
        };
        var body = H($"""
            <p><a href="/clients/{client.Id}">{client.Name}</a></p>
            <h1>Session of {s.Date:yyyy-MM-dd}{When(s.IsScreen, H($" <span class=\"state\">screen</span>"))}</h1>
            <p>State: <span id="state">{StateText(s, clinic.Queue)}</span> · {SourceText(s.Source)} · {ExerciseTitle(s.Metrics.Exercise ?? s.RequestedExercise)}</p>
            {content}
            {ProtocolCard.Of(s.Id, clinic.Data.SessionFolder(s))}
            {DrillCard.Of(s.Id, clinic.Data.SessionFolder(s))}
            <div class="card"><form method="post" action="/sessions/{s.Id}/delete">{Layout.Token(context)}
            <label class="inline"><input type="checkbox" name="confirm" value="yes" required> Delete this session and its files</label>
            <button class="danger">Delete session</button></form></div>
            """);
        bool busy = s.State is SessionState.Queued or SessionState.Running;
        return Layout.Page(context, $"Session {s.Date:yyyy-MM-dd}", body, refreshSeconds: busy ? 2 : null);
    }

    private static SafeHtml Waiting(Session s, AnalysisQueue queue)
    {
        double? fraction = queue.ProgressOf(s.Id) is { } p ? Fraction(p) : null;
        var bar = fraction is { } f
            ? H($"<progress id=\"progress\" max=\"100\" value=\"{Math.Round(100 * f)}\">{Math.Round(100 * f)} %</progress>")
            : H($"<progress id=\"progress\" max=\"100\"></progress>");
        return H($"<div class=\"card\"><p>{(s.State == SessionState.Queued ? "Waiting for the analyses before it." : "Being analysed.")} This page updates itself.</p>{bar}</div>");
    }

    private static SafeHtml Finished(Session s, OutputPaths outputs)
    {
        var m = s.Metrics;
        string Link(string name) => $"/sessions/{s.Id}/files/{name}";
        var downloads = Files.Keys.Where(k => File.Exists(Files[k].Path(outputs)))
            .Select(k => H($"<a href=\"{Link(k)}\" download>{k}</a> "));
        var numbers = H($"""
            <div class="card"><h2 style="margin-top:0">Numbers</h2>
            <div class="table-wrap"><table><tbody>
            <tr><th>Reps</th><td>{m.RepCount}</td></tr>
            <tr><th>FPPA at the bottom, left (trusted reps)</th><td>{Degrees(m.LeftFppaDeg)}</td></tr>
            <tr><th>FPPA at the bottom, right (trusted reps)</th><td>{Degrees(m.RightFppaDeg)}</td></tr>
            {When(m.Exercise == "ankle-lunge", H($"<tr><th>Lunge test, left</th><td>{Degrees(m.LeftLungeDeg)}</td></tr><tr><th>Lunge test, right</th><td>{Degrees(m.RightLungeDeg)}</td></tr>"))}
            </tbody></table></div><p>Files: {downloads}</p></div>
            """);
        var video = File.Exists(outputs.OverlayVideo)
            ? H($"<div class=\"card\"><h2 style=\"margin-top:0\">Overlay video</h2><video id=\"overlay\" controls preload=\"metadata\" src=\"{Link("overlay.mp4")}\"></video></div>")
            : SafeHtml.Empty;
        var report = File.Exists(outputs.ReportHtml)
            ? H($"<div class=\"card\"><h2 style=\"margin-top:0\">Report</h2><iframe class=\"report\" id=\"report\" title=\"Report\" src=\"{Link("report.html")}\"></iframe></div>")
            : H($"<p class=\"muted\">No HTML report for this session (imported from report.json).</p>");
        return H($"{numbers}{video}{report}");
    }

    private static async Task<IResult> FileAsync(HttpContext context, ClinicServices clinic, long id, string name)
    {
        if (!Files.TryGetValue(name, out var file) || await clinic.Store.GetSessionAsync(id, context.RequestAborted) is not { } s)
        {
            return Results.NotFound();
        }

        string path = file.Path(clinic.Data.Outputs(s));
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        // The report is our own HTML, but locked down all the same: no scripts (script-src falls back to 'none'), nothing
        // fetched from elsewhere. Not "sandbox": its opaque origin moves the frame out of process, and Chromium's
        // full-page screenshots (the browser tests) then show it blank.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        string? download = name == "report.html" || name == "overlay.mp4" ? null : $"session-{s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{name}";
        return Results.File(path, file.Type, download, enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        if (await clinic.Store.GetSessionAsync(id, context.RequestAborted) is not { } s)
        {
            return Layout.Problem(context, 404, "there is no such session", "/clients");
        }

        if (form["confirm"] != "yes")
        {
            return Layout.Problem(context, 400, "tick the box to confirm the deletion", $"/sessions/{id}");
        }

        await clinic.Store.DeleteSessionAsync(id, context.RequestAborted);
        clinic.Data.DeleteSessionFiles(s);
        return Results.Redirect($"/clients/{s.ClientId}");
    }

    /// <summary>The exercise in a person's words ("single-leg squat"), as the reports title it; "auto" before the analysis chose.</summary>
    private static string ExerciseTitle(string? name) =>
        Domain.Analysis.ExerciseNames.Parse(name) is { } exercise ? Domain.Analysis.ExerciseNames.ToTitle(exercise) : name ?? "exercise not known yet";
}
