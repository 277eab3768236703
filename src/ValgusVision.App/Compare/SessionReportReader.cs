using System.Globalization;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;
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
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"{source}: not a report.json (not JSON)");
        }

        using (document)
        {
            return Read(document.RootElement, source);
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

    private static SessionRecord Read(JsonElement root, string source)
    {
        CheckSchema(root, source);
        if (!root.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: not a report.json (no summary)");
        }

        var input = Object(root, "input");
        string fileName = input is { } i && Text(i, "fileName") is { } name ? name : Path.GetFileName(source);
        var (date, recorded) = Date(root, input, source);
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

    private static void CheckSchema(JsonElement root, string source)
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
    /// The recording's date when the report has one (<c>recordedUtc</c>, top level or in <c>input</c>), else when it was
    /// analysed (<c>createdUtc</c>) — for a live recording the same moment, for a video analysed later not.
    /// </summary>
    private static (DateTimeOffset Date, bool Recorded) Date(JsonElement root, JsonElement? input, string source)
    {
        foreach (var holder in new[] { input, root })
        {
            if (holder is { } h && Time(h, "recordedUtc") is { } recorded)
            {
                return (recorded, true);
            }
        }

        return Time(root, "createdUtc") is { } created
            ? (created, false)
            : throw new InvalidDataException($"{source}: not a report.json (no createdUtc)");
    }

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

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Integer(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : 0;
}
