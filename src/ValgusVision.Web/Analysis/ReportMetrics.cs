using System.Text.Json;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Analysis;

/// <summary>
/// Reads the progress chart's numbers from a report.json (docs/report-json.md). FPPA per leg is the mean FPPA at the
/// bottom over that leg's reps whose quality was trusted: an untrusted rep is not averaged in, and a leg without a
/// trusted rep is unknown. The lunge angle per leg is the test's best heel-down inclination (null when not measured).
/// </summary>
public static class ReportMetrics
{
    public const string Schema = "valgusvision.report/1";

    /// <exception cref="InvalidDataException">Not a ValgusVision report.</exception>
    public static SessionMetrics Read(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"report.json is not JSON ({e.Message.Split('.')[0]})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String
                || schema.GetString() != Schema)
            {
                throw new InvalidDataException($"report.json is not a ValgusVision report (no \"schema\": \"{Schema}\")");
            }

            string? exercise = root.TryGetProperty("exercise", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var reps = root.TryGetProperty("reps", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;
            double? left = TrustedMean(reps, "left"), right = TrustedMean(reps, "right");
            int count = reps.ValueKind == JsonValueKind.Array ? reps.GetArrayLength() : 0;
            double? lungeLeft = null, lungeRight = null;
            if (root.TryGetProperty("ankle", out var ankle) && ankle.ValueKind == JsonValueKind.Object)
            {
                lungeLeft = Best(ankle, "left");
                lungeRight = Best(ankle, "right");
            }

            return new SessionMetrics(exercise, left, right, lungeLeft, lungeRight, count);
        }
    }

    public static SessionMetrics ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private static double? TrustedMean(JsonElement reps, string side)
    {
        if (reps.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        double sum = 0;
        int n = 0;
        foreach (var rep in reps.EnumerateArray())
        {
            if (Text(rep, "side") == side && Number(rep, "fppaAtBottomDeg") is { } fppa
                && rep.TryGetProperty("quality", out var quality) && quality.TryGetProperty("trusted", out var trusted)
                && trusted.ValueKind == JsonValueKind.True)
            {
                sum += fppa;
                n++;
            }
        }

        return n == 0 ? null : Math.Round(sum / n, 1);
    }

    private static double? Best(JsonElement ankle, string side) =>
        ankle.TryGetProperty(side, out var leg) && leg.ValueKind == JsonValueKind.Object ? Number(leg, "bestInclinationDeg") : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
