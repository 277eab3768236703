using System.Collections.Immutable;
using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// The tool against a clinic's own digitising of one clip (issue 18 item 7): FPPA ours − FPPA of the clicked points
/// (per annotated leg and frame), the pixel distance of our hip, knee and ankle from the clicked ones, and, from
/// Kinovea's angles, |our FPPA| − Kinovea's FPPA magnitude on the stance leg of the nearest frame. The same summaries
/// as <c>valgus eval</c>'s table: mean absolute / bias / largest for angles, mean / median / 95th percentile for pixels.
/// </summary>
public sealed record AnnotationAccuracy(
    string Clip,
    ErrorSummary FppaVsClicked,
    DistanceSummary Hip,
    DistanceSummary Knee,
    DistanceSummary Ankle,
    ErrorSummary FppaVsKinovea,
    int Unmatched)
{
    /// <summary>Pure comparison; <paramref name="poses"/> and <paramref name="analysis"/> frames are in the same order.</summary>
    public static AnnotationAccuracy Compare(
        string clip, IReadOnlyList<ClickedLeg> clicked, IReadOnlyList<KinoveaAngle> kinovea, IReadOnlyList<PoseFrame> poses, SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(clicked);
        ArgumentNullException.ThrowIfNull(kinovea);
        ArgumentNullException.ThrowIfNull(poses);
        ArgumentNullException.ThrowIfNull(analysis);
        var byFrame = new Dictionary<int, int>(poses.Count);
        for (int i = 0; i < poses.Count; i++)
        {
            byFrame[poses[i].FrameIndex] = i;
        }

        var clickedByLeg = clicked.ToDictionary(c => (c.Frame, c.Side));
        List<double> fppa = [], hip = [], knee = [], ankle = [], kin = [];
        int unmatched = 0;
        foreach (var leg in clicked)
        {
            if (!byFrame.TryGetValue(leg.Frame, out int i) || !poses[i].HasPose)
            {
                unmatched++;
                continue;
            }

            var pose = poses[i];
            hip.Add(Point2.Distance(P(pose[leg.Side.Hip()]), leg.Hip));
            knee.Add(Point2.Distance(P(pose[leg.Side.Knee()]), leg.Knee));
            ankle.Add(Point2.Distance(P(pose[leg.Side.Ankle()]), leg.Ankle));
            // "Medial" needs the other hip: the clicked one where the other leg was digitised too, else ours.
            var otherHip = clickedByLeg.TryGetValue((leg.Frame, leg.Side.Opposite()), out var other) ? other.Hip : P(pose[leg.Side.Opposite().Hip()]);
            if (KneeFrontalPlaneAngle.Degrees(leg.Hip, leg.Knee, leg.Ankle, otherHip) is { } truth && analysis.Frames[i].FppaDeg(leg.Side) is { } ours)
            {
                fppa.Add(ours - truth);
            }
        }

        foreach (var angle in kinovea)
        {
            int? i = Nearest(poses, angle.TimeSeconds);
            if (i is not { } k || analysis.Frames[k].Stance is not { } side || analysis.Frames[k].FppaDeg(side) is not { } ours)
            {
                unmatched++;
                continue;
            }

            kin.Add(Math.Abs(ours) - angle.FppaMagnitudeDeg);
        }

        return new AnnotationAccuracy(clip, ErrorSummary.Of(fppa), DistanceSummary.Of(hip), DistanceSummary.Of(knee), DistanceSummary.Of(ankle), ErrorSummary.Of(kin), unmatched);
    }

    /// <summary>The frame nearest in time, when within half a frame interval; null otherwise.</summary>
    private static int? Nearest(IReadOnlyList<PoseFrame> poses, double timeSeconds)
    {
        int best = -1;
        double bestGap = double.MaxValue;
        for (int i = 0; i < poses.Count; i++)
        {
            double gap = Math.Abs(poses[i].TimeSeconds - timeSeconds);
            if (gap < bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }

        double half = poses.Count > 1 ? Math.Abs(poses[^1].TimeSeconds - poses[0].TimeSeconds) / (poses.Count - 1) / 2 : 0.5;
        return best >= 0 && bestGap <= half + 1e-6 ? best : null;
    }

    private static Point2 P(Landmark l) => new(l.X, l.Y);

    /// <summary>The table as Markdown (annotations.md) — also what the console prints.</summary>
    public void WriteMarkdown(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"# {Clip} against its manual annotations"));
        w.WriteLine();
        w.WriteLine("Errors are ours − annotation. FPPA in degrees (mean absolute / bias / largest); joints in pixels (mean / median / 95th percentile). Kinovea's angles carry no sign: |our FPPA| − Kinovea's, on our stance leg.");
        w.WriteLine();
        w.WriteLine("| measure | n | error |");
        w.WriteLine("|---|---|---|");
        w.WriteLine($"| FPPA vs clicked points (°) | {FppaVsClicked.Count} | {Angle(FppaVsClicked)} |");
        w.WriteLine($"| hip (px) | {Hip.Count} | {Px(Hip)} |");
        w.WriteLine($"| knee (px) | {Knee.Count} | {Px(Knee)} |");
        w.WriteLine($"| ankle (px) | {Ankle.Count} | {Px(Ankle)} |");
        w.WriteLine($"| FPPA vs Kinovea (°) | {FppaVsKinovea.Count} | {Angle(FppaVsKinovea)} |");
        if (Unmatched > 0)
        {
            w.WriteLine();
            w.WriteLine(string.Create(c, $"{Unmatched} annotation rows had no analysed frame with a pose (or, for Kinovea, no stance leg) and were left out."));
        }
    }

    private static string Angle(ErrorSummary e) => e.Count == 0
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{e.MeanAbs:0.0} / {e.Bias:+0.0;-0.0;0.0} / {e.MaxAbs:0.0}");

    private static string Px(DistanceSummary d) => d.Count == 0
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{d.Mean:0.0} / {d.Median:0.0} / {d.P95:0.0}");
}
