using ValgusVision.Domain.Compare;

namespace ValgusVision.Rendering.Reports;

/// <summary>Writes compare.json: the left leg of one recording against the right of another (docs/compare.md).</summary>
public static class CompareJsonWriter
{
    public const string SchemaId = "valgusvision.compare/1";

    public static void Write(LeftRightComparison comparison, string toolVersion, DateTimeOffset created, Stream output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var json = CompareJson.Open(output, SchemaId, toolVersion, created);
        CompareJson.Text(json, "client", comparison.Client);
        json.WriteString("exercise", comparison.Exercise);
        foreach (var (name, leg) in new[] { ("left", comparison.Left), ("right", comparison.Right) })
        {
            json.WriteStartObject(name);
            json.WriteStartObject("recording");
            CompareJson.Recording(json, leg.Session);
            json.WriteEndObject();
            CompareJson.Leg(json, "leg", leg);
            json.WriteEndObject();
        }

        json.WriteStartObject("difference");
        CompareJson.Number(json, "fppaAtBottomDiffDeg", comparison.FppaDiffDeg);
        CompareJson.Number(json, "peakHipShiftDiffPct", comparison.HipShiftDiffPct);
        CompareJson.Text(json, "worseSide", comparison.WorseSide?.ToString().ToLowerInvariant());
        CompareJson.Text(json, "notComparedReason", comparison.NotComparedReason);
        json.WriteEndObject();
        CompareJson.Notes(json, comparison.Notes);
        json.WriteEndObject();
    }

    public static void WriteFile(LeftRightComparison comparison, string toolVersion, DateTimeOffset created, string path) =>
        CompareJson.WriteFile(path, stream => Write(comparison, toolVersion, created, stream));
}
