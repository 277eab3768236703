using ValgusVision.Domain.Pose;
using System.Globalization;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// How far a clip's FPPA and its mirror image's disagree (issue 18 item 4). FPPA depends only on the shape of hip,
/// knee, ankle and the other hip, so it is unchanged by mirroring; the mirrored clip's knees are the legs swapped.
/// Per frame, on the original's stance leg: |FPPA(original, side) − FPPA(mirror, other side)|; mean, 95th percentile
/// (linear interpolation) and worst over the frames where both have a value. A clip with no stance leg on any frame
/// (a double-leg squat, standing, walking: most real frontal videos) is compared on both legs of every frame instead
/// (<see cref="BothLegs"/>; <see cref="Frames"/> then counts leg-frames).
/// </summary>
public sealed record MirrorSymmetry(string Clip, int Frames, double? MeanAbsDeg, double? P95Deg, double? WorstDeg, bool BothLegs = false)
{
    public static MirrorSymmetry Compare(string clip, SessionAnalysis original, SessionAnalysis mirrored)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mirrored);
        var differences = new List<double>();
        int n = Math.Min(original.Frames.Length, mirrored.Frames.Length);
        bool bothLegs = !original.Frames.Any(f => f.Stance is not null);
        for (int i = 0; i < n; i++)
        {
            var ours = original.Frames[i];
            if (bothLegs)
            {
                Add(differences, ours.FppaDeg(Side.Left), mirrored.Frames[i].FppaDeg(Side.Right));
                Add(differences, ours.FppaDeg(Side.Right), mirrored.Frames[i].FppaDeg(Side.Left));
            }
            else if (ours.Stance is { } side)
            {
                Add(differences, ours.FppaDeg(side), mirrored.Frames[i].FppaDeg(side.Opposite()));
            }
        }

        var d = DistanceSummary.Of(differences);
        return new MirrorSymmetry(clip, d.Count, d.Mean, d.P95, d.Count > 0 ? differences[^1] : null, bothLegs);
    }

    /// <summary>legs: "stance" (the stance leg's frames) or "both" (every frame's two legs; no stance leg in the clip).</summary>
    public const string CsvHeader = "clip,frames,mean_abs_deg,p95_deg,worst_deg,legs";

    public string CsvRow() => string.Join(',', Clip, Frames.ToString(CultureInfo.InvariantCulture), F(MeanAbsDeg), F(P95Deg), F(WorstDeg), BothLegs ? "both" : "stance");

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Clip}: mirror vs original FPPA over {Frames} {(BothLegs ? "leg-frames (both legs: no stance leg in the clip)" : "stance frames")}: mean {F(MeanAbsDeg)}°, p95 {F(P95Deg)}°, worst {F(WorstDeg)}°");

    private static void Add(List<double> differences, double? original, double? mirrored)
    {
        if (original is { } a && mirrored is { } b)
        {
            differences.Add(Math.Abs(a - b));
        }
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
}
