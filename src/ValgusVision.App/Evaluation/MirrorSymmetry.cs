using ValgusVision.Domain.Pose;
using System.Globalization;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// How far a clip's FPPA and its mirror image's disagree (issue 18 item 4). FPPA depends only on the shape of hip,
/// knee, ankle and the other hip, so it is unchanged by mirroring; the mirrored clip's knees are the legs swapped.
/// Per frame, on the original's stance leg: |FPPA(original, side) − FPPA(mirror, other side)|; mean, 95th percentile
/// (linear interpolation) and worst over the frames where both have a value.
/// </summary>
public sealed record MirrorSymmetry(string Clip, int Frames, double? MeanAbsDeg, double? P95Deg, double? WorstDeg)
{
    public static MirrorSymmetry Compare(string clip, SessionAnalysis original, SessionAnalysis mirrored)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mirrored);
        var differences = new List<double>();
        int n = Math.Min(original.Frames.Length, mirrored.Frames.Length);
        for (int i = 0; i < n; i++)
        {
            var ours = original.Frames[i];
            if (ours.Stance is { } side && ours.FppaDeg(side) is { } a && mirrored.Frames[i].FppaDeg(side.Opposite()) is { } b)
            {
                differences.Add(Math.Abs(a - b));
            }
        }

        var d = DistanceSummary.Of(differences);
        return new MirrorSymmetry(clip, d.Count, d.Mean, d.P95, d.Count > 0 ? differences[^1] : null);
    }

    public const string CsvHeader = "clip,frames,mean_abs_deg,p95_deg,worst_deg";

    public string CsvRow() => string.Join(',', Clip, Frames.ToString(CultureInfo.InvariantCulture), F(MeanAbsDeg), F(P95Deg), F(WorstDeg));

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Clip}: mirror vs original FPPA over {Frames} stance frames: mean {F(MeanAbsDeg)}°, p95 {F(P95Deg)}°, worst {F(WorstDeg)}°");

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
}
