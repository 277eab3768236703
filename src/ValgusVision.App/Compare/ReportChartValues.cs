using System.Text.Json;
using ValgusVision.Domain.Recording;

namespace ValgusVision.App.Compare;

/// <summary>
/// What a chart of one client's sessions draws from a report.json (the web app's progress page): per leg the mean FPPA
/// at the bottom over the reps whose quality was trusted (an untrusted rep is not averaged in; a leg without a trusted
/// rep is unknown), the lunge test's best heel-down inclination per leg, the rep count and the recording time.
/// Read by <see cref="SessionReportReader"/>'s rules (schema check, <c>recordedAt</c>), so there is one reader of the format.
/// </summary>
public sealed record ReportChartValues(
    string? Exercise,
    double? LeftFppaDeg,
    double? RightFppaDeg,
    double? LeftLungeDeg,
    double? RightLungeDeg,
    int RepCount,
    RecordingTime? Recorded = null)
{
    /// <summary>Nothing read yet (a session still being analysed).</summary>
    public static ReportChartValues None { get; } = new(null, null, null, null, null, 0);

    /// <exception cref="InvalidDataException">Not a report.json this tool can read; the message names <paramref name="source"/>.</exception>
    public static ReportChartValues Read(Stream json, string source)
    {
        using var document = SessionReportReader.Parse(json, source);
        var root = document.RootElement;
        SessionReportReader.CheckSchema(root, source);
        var reps = root.TryGetProperty("reps", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;
        var ankle = SessionReportReader.Object(root, "ankle");
        return new ReportChartValues(
            SessionReportReader.Text(root, "exercise"),
            TrustedMean(reps, "left"),
            TrustedMean(reps, "right"),
            ankle is { } a ? Best(a, "left") : null,
            ankle is { } b ? Best(b, "right") : null,
            reps.ValueKind == JsonValueKind.Array ? reps.GetArrayLength() : 0,
            SessionReportReader.RecordedAt(root));
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
            if (SessionReportReader.Text(rep, "side") == side && SessionReportReader.Number(rep, "fppaAtBottomDeg") is { } fppa
                && rep.TryGetProperty("quality", out var quality) && quality.ValueKind == JsonValueKind.Object
                && quality.TryGetProperty("trusted", out var trusted) && trusted.ValueKind == JsonValueKind.True)
            {
                sum += fppa;
                n++;
            }
        }

        return n == 0 ? null : Math.Round(sum / n, 1);
    }

    private static double? Best(JsonElement ankle, string side) =>
        SessionReportReader.Object(ankle, side) is { } leg ? SessionReportReader.Number(leg, "bestInclinationDeg") : null;
}
