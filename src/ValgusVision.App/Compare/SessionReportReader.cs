using System.Globalization;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.App.Compare;

/// <summary>
/// Reads what the comparison and progress reports need from a report.json (docs/report-json.md): the summary per
/// leg, the limit, the accuracy statement (its "accuracy unknown: …" is the recording's trust), the client and the
/// date. Fields added later are optional: a client name and a recording date are used when present.
/// </summary>
public static class SessionReportReader
{
    private const string SchemaPrefix = "valgusvision.report/";
    private const string UnknownAccuracy = "accuracy unknown";

    /// <exception cref="InvalidDataException">Not a report.json this tool can read; the message names <paramref name="source"/>.</exception>
    public static SessionRecord Read(Stream json, string source)
    {
        using var document = Parse(json, source);
        return Read(document.RootElement, source);
    }

    /// <exception cref="InvalidDataException">Not JSON; the message names <paramref name="source"/>.</exception>
    internal static JsonDocument Parse(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"{source}: not a report.json (not JSON)");
        }
    }

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a report.json this tool can read.</exception>
    public static SessionRecord ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// The recording time of the report.json at <paramref name="path"/> (reanalyze keeps its source's); null when there
    /// is no such file, it is not JSON or it has no <c>recordedAt</c>: an unreadable neighbour must not stop a reanalysis.
    /// </summary>
    public static RecordingTime? ReadRecordedAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return RecordedAt(document.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static SessionRecord Read(JsonElement root, string source)
    {
        CheckSchema(root, source);
        if (!root.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: not a report.json (no summary)");
        }

        var input = Object(root, "input");
        string fileName = input is { } i && Text(i, "fileName") is { } name ? name : Path.GetFileName(source);
        var (date, recorded) = Date(root, source);
        string? accuracy = Text(root, "expectedFppaAccuracy");
        var trust = accuracy is { } a && a.StartsWith(UnknownAccuracy, StringComparison.Ordinal)
            ? new MeasurementTrust(false, a[UnknownAccuracy.Length..].TrimStart(':', ' ') is { Length: > 0 } why ? why : "accuracy unknown")
            : MeasurementTrust.Trusted;
        double threshold = Object(root, "settings") is { } settings && Object(settings, "analysis") is { } analysis
            && Number(analysis, "valgusThresholdDeg") is { } t ? t : AnalysisSettings.Default.ValgusThresholdDeg;
        return new SessionRecord(
            source,
            fileName,
            date,
            recorded,
            Client(root),
            Text(root, "exercise") ?? "squat",
            threshold,
            accuracy,
            trust,
            Leg(summary, Side.Left, source),
            Leg(summary, Side.Right, source),
            Complete: root.TryGetProperty("complete", out var complete) && complete.ValueKind != JsonValueKind.False);
    }

    internal static void CheckSchema(JsonElement root, string source)
    {
        string? schema = root.ValueKind == JsonValueKind.Object ? Text(root, "schema") : null;
        if (schema is null || !schema.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: not a ValgusVision report.json (no \"schema\": \"{ReportJsonWriter.SchemaId}\")");
        }

        if (schema != ReportJsonWriter.SchemaId)
        {
            // A later layout may have changed what a field means: refuse rather than misread it.
            throw new InvalidDataException($"{source}: report schema {schema} is newer than this tool reads ({ReportJsonWriter.SchemaId}); update ValgusVision");
        }
    }

    private static LegMeasures Leg(JsonElement summary, Side side, string source)
    {
        if (Object(summary, side.ToName()) is not { } leg)
        {
            throw new InvalidDataException($"{source}: not a report.json (no summary.{side.ToName()})");
        }

        return new LegMeasures(
            side,
            Integer(leg, "repCount"),
            Stats(leg, "fppaAtBottomDeg"),
            Stats(leg, "peakHipShiftPct"),
            Integer(leg, "eventCount"),
            Integer(leg, "repsWithEvents"));
    }

    private static MetricStats Stats(JsonElement leg, string name) =>
        Object(leg, name) is { } s
            ? new MetricStats(Integer(s, "count"), Number(s, "mean"), Number(s, "sd"), Number(s, "worst"))
            : MetricStats.Empty;

    /// <summary>
    /// The recording's date when the report has one (<c>recordedAt</c>, docs/report-json.md), else when it was analysed
    /// (<c>createdUtc</c>) — for a live recording the same moment, for a video analysed later not. Reports written
    /// before <c>recordedAt</c> existed lack it and read as undated.
    /// </summary>
    private static (DateTimeOffset Date, bool Recorded) Date(JsonElement root, string source)
    {
        if (RecordedAt(root) is { } recorded)
        {
            return (recorded.At, true);
        }

        return Time(root, "createdUtc") is { } created
            ? (created, false)
            : throw new InvalidDataException($"{source}: not a report.json (no createdUtc)");
    }

    /// <summary>
    /// The report's <c>recordedAt</c> with its <c>recordedAtSource</c>; null when absent (an older report), null or
    /// not a time. A time whose source is missing or unknown to this tool is still the recording's, said by the user.
    /// </summary>
    public static RecordingTime? RecordedAt(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && Time(root, "recordedAt") is { } at
            ? new RecordingTime(at, RecordingTimeSources.Parse(Text(root, "recordedAtSource")) ?? RecordingTimeSource.User)
            : null;

    /// <summary>The client's name: <c>client</c> as a string, or an object with a <c>name</c>; null when absent.</summary>
    private static string? Client(JsonElement root)
    {
        if (!root.TryGetProperty("client", out var client))
        {
            return null;
        }

        string? name = client.ValueKind switch
        {
            JsonValueKind.String => client.GetString(),
            JsonValueKind.Object => Text(client, "name"),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        Text(e, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    internal static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Integer(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : 0;
}
