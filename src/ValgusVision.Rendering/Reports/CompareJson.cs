using System.Globalization;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// The pieces compare.json and progress.json share (docs/compare.md): a recording and one leg with its trust, in
/// report.json's conventions (null for undefined, 3 decimals, camelCase, units in names).
/// </summary>
internal static class CompareJson
{
    public static Utf8JsonWriter Open(Stream output, string schema, string toolVersion, DateTimeOffset created)
    {
        var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", schema);
        json.WriteStartObject("tool");
        json.WriteString("name", "ValgusVision");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteString("createdUtc", Utc(created));
        return json;
    }

    public static void Recording(Utf8JsonWriter json, SessionRecord session)
    {
        json.WriteString("source", session.Source);
        json.WriteString("fileName", session.FileName);
        json.WriteString("dateUtc", Utc(session.Date));
        json.WriteBoolean("dateIsRecording", session.DateIsRecording);
        Text(json, "client", session.Client);
        json.WriteBoolean("complete", session.Complete);
        Number(json, "valgusThresholdDeg", session.ThresholdDeg);
        Text(json, "expectedFppaAccuracy", session.Accuracy);
    }

    public static void Leg(Utf8JsonWriter json, string name, LegReading leg)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("tested", leg.Measures.Tested);
        json.WriteBoolean("trusted", leg.Trust.IsTrusted);
        Text(json, "untrustedReason", leg.Trust.Reason);
        json.WriteNumber("repCount", leg.Measures.RepCount);
        Stats(json, "fppaAtBottomDeg", leg.Measures.FppaAtBottom);
        Stats(json, "peakHipShiftPct", leg.Measures.PeakHipShift);
        json.WriteNumber("eventCount", leg.Measures.EventCount);
        json.WriteNumber("repsWithEvents", leg.Measures.RepsWithEvents);
        json.WriteString("badge", CompareText.Badge(leg));
        json.WriteString("verdict", CompareText.Verdict(leg));
        json.WriteEndObject();
    }

    public static void Notes(Utf8JsonWriter json, IReadOnlyList<string> notes)
    {
        json.WriteStartArray("notes");
        foreach (var note in notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
    }

    // The same null-for-undefined, 3-decimal numbers and null texts as report.json.
    public static void Number(Utf8JsonWriter json, string name, double? value) => ReportJsonWriter.WriteNumber(json, name, value);

    public static void Text(Utf8JsonWriter json, string name, string? value) => ReportJsonWriter.WriteText(json, name, value);

    private static void Stats(Utf8JsonWriter json, string name, MetricStats stats) => ReportJsonWriter.WriteStats(json, name, stats);

    /// <summary>Writes a file through <paramref name="write"/>, the stream closed before it returns.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        using var stream = File.Create(path);
        write(stream);
    }

    private static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
