using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ValgusVision.App.Compare;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Web.Analysis;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Pages;

/// <summary>
/// New sessions: an uploaded video (checked by content, stored under a server-chosen name, queued for analysis) or
/// an import of a command-line analysis (report.json, optionally frames.csv). A refused file leaves nothing behind.
/// </summary>
public static class SessionIntake
{
    /// <summary>An imported report.json larger than this is not one of ours.</summary>
    private const long MaxReportBytes = 64L * 1024 * 1024;

    /// <summary>Both intakes start alike: the form within the upload limit, for a client that exists.</summary>
    private static async Task<Forms.Result> ReadForClientAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is null)
        {
            return read;
        }

        return await clinic.Store.GetClientAsync(id, context.RequestAborted) is null
            ? new Forms.Result(null, Layout.Problem(context, 404, "there is no such client", "/clients"))
            : read;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/clients/{id:long}/sessions/upload", UploadAsync);
        app.MapPost("/clients/{id:long}/sessions/import", ImportAsync);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var (form, refusal) = await ReadForClientAsync(context, clinic, id);
        if (form is null)
        {
            return refusal!;
        }

        string back = $"/clients/{id}";

        if (form.Files.GetFile("video") is not { Length: > 0 } video)
        {
            return Layout.Problem(context, 400, "choose a video file to upload", back);
        }

        if (!TryDate(form, out var date))
        {
            return Layout.Problem(context, 400, "the date is not a date (YYYY-MM-DD)", back);
        }

        string exercise = form["exercise"].ToString();
        if (ExerciseNames.Parse(exercise) is null)
        {
            return Layout.Problem(context, 400, "choose one of the listed exercises", back);
        }

        string incoming = Path.Combine(clinic.Data.Incoming, Guid.NewGuid().ToString("N"));
        try
        {
            string? extension;
            await using (var source = video.OpenReadStream())
            await using (var target = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var head = new byte[VideoSniffer.HeaderLength];
                int n = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, context.RequestAborted);
                extension = VideoSniffer.Extension(head.AsSpan(0, n));
                if (extension is null)
                {
                    return Layout.Problem(context, 415, "that file is not a video this app can read (MP4, MOV, MKV, WebM or AVI)", back);
                }

                await target.WriteAsync(head.AsMemory(0, n), context.RequestAborted);
                await source.CopyToAsync(target, context.RequestAborted);
                await target.FlushAsync(context.RequestAborted);
            }

            var session = await clinic.Store.CreateSessionAsync(
                id, date, form["screen"] == "1", SessionSource.Upload, SessionState.Queued, exercise, "input" + extension, context.RequestAborted);
            Directory.CreateDirectory(clinic.Data.SessionFolder(session));
            File.Move(incoming, clinic.Data.Input(session));
            clinic.Queue.Enqueue(session.Id);
            return Results.Redirect($"/sessions/{session.Id}");
        }
        finally
        {
            if (File.Exists(incoming))
            {
                File.Delete(incoming);
            }
        }
    }

    private static async Task<IResult> ImportAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var (form, refusal) = await ReadForClientAsync(context, clinic, id);
        if (form is null)
        {
            return refusal!;
        }

        string back = $"/clients/{id}";

        if (form.Files.GetFile("report") is not { Length: > 0 } report)
        {
            return Layout.Problem(context, 400, "choose the report.json to import", back);
        }

        if (report.Length > MaxReportBytes)
        {
            return Layout.Problem(context, 413, "that report.json is larger than any report this tool writes", back);
        }

        if (!TryDate(form, out var date))
        {
            return Layout.Problem(context, 400, "the date is not a date (YYYY-MM-DD)", back);
        }

        byte[] json;
        await using (var stream = report.OpenReadStream())
        {
            json = new byte[report.Length];
            await stream.ReadExactlyAsync(json, context.RequestAborted);
        }

        ReportChartValues metrics;
        try
        {
            metrics = ReportMetrics.Read(new MemoryStream(json, writable: false));
        }
        catch (InvalidDataException e)
        {
            return Layout.Problem(context, 400, e.Message, back);
        }

        var frames = form.Files.GetFile("frames") is { Length: > 0 } f ? f : null;
        if (frames is not null && !await LooksLikeFramesCsvAsync(frames, context.RequestAborted))
        {
            return Layout.Problem(context, 400, "frames.csv does not start with the frames CSV header (frame,…)", back);
        }

        var session = await clinic.Store.CreateSessionAsync(
            id, date, form["screen"] == "1", SessionSource.Import, SessionState.Running, metrics.Exercise ?? "auto", "", context.RequestAborted);
        var outputs = clinic.Data.Outputs(session);
        Directory.CreateDirectory(outputs.Directory);
        await File.WriteAllBytesAsync(outputs.ReportJson, json, context.RequestAborted);
        if (frames is not null)
        {
            await using var source = frames.OpenReadStream();
            await using var target = File.Create(outputs.FramesCsv);
            await source.CopyToAsync(target, context.RequestAborted);
        }

        await clinic.Store.CompleteAsync(session.Id, metrics, context.RequestAborted);
        return Results.Redirect($"/sessions/{session.Id}");
    }

    private static bool TryDate(IFormCollection form, out DateOnly date) =>
        DateOnly.TryParseExact(form["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static async Task<bool> LooksLikeFramesCsvAsync(IFormFile file, CancellationToken cancellation)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        string? header = await reader.ReadLineAsync(cancellation);
        return header is not null && header.TrimStart('\uFEFF').StartsWith(FramesCsvColumns.Frame + ",", StringComparison.Ordinal);
    }
}
