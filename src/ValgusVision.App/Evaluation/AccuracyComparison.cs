using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// Compares one clip's analysis with its exact truth (pure: no files, no model). Frames are matched by their video
/// frame number; the caller has checked that the clip and the truth have the same frames.
/// </summary>
public static class AccuracyComparison
{
    /// <summary>A rep's "deep" frames are those deeper than this fraction of the rep's true depth.</summary>
    public const double DeepFraction = 0.5;

    public static ClipAccuracy Compare(string clip, SampleTruth truth, IReadOnlyList<PoseFrame> poses, SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(poses);
        ArgumentNullException.ThrowIfNull(analysis);
        if (poses.Count != analysis.Frames.Length)
        {
            throw new ArgumentException($"{poses.Count} poses but {analysis.Frames.Length} analysed frames");
        }

        var byFrame = new Dictionary<int, int>(poses.Count);
        for (int i = 0; i < poses.Count; i++)
        {
            byFrame[poses[i].FrameIndex] = i;
        }

        var matched = new HashSet<int>();
        var reps = ImmutableArray.CreateBuilder<RepAccuracy>(truth.RepCount);
        for (int k = 1; k <= truth.RepCount; k++)
        {
            if (truth.RepSpan(k) is not { } span)
            {
                continue;
            }

            var ours = MatchRep(analysis.Reps, span, TrueBottom(truth, k, span));
            if (ours is not null)
            {
                matched.Add(ours.Index);
            }

            reps.Add(CompareRep(k, span, ours, truth, poses, analysis, byFrame));
        }

        var bottomErrors = new List<double>();
        var hipErrors = new List<double>();
        foreach (var rep in reps)
        {
            if (rep.FppaAtBottom.Bias is { } e)
            {
                bottomErrors.Add(e);
            }

            if (rep.HipShiftAtBottom.Bias is { } h)
            {
                hipErrors.Add(h);
            }
        }

        var deepErrors = new List<double>();
        foreach (int frame in DeepFrames(truth, 1, truth.RepCount))
        {
            if (byFrame.TryGetValue(frame, out int i) && analysis.Frames[i].FppaDeg(truth.StanceLeg) is { } ours)
            {
                deepErrors.Add(ours - truth.Frames[frame].Leg(truth.StanceLeg).FppaDeg);
            }
        }

        double? maxOffAxis = null;
        foreach (var rep in analysis.Reps)
        {
            if (rep.Quality.MaxOffAxisDeg is { } yaw)
            {
                maxOffAxis = Math.Max(maxOffAxis ?? yaw, yaw);
            }
        }

        int withPose = 0;
        foreach (var pose in poses)
        {
            withPose += pose.HasPose ? 1 : 0;
        }

        return new ClipAccuracy(
            clip,
            truth.StanceLeg,
            poses.Count,
            withPose,
            truth.RepCount,
            analysis.Reps.Length,
            analysis.Reps.Length - matched.Count,
            reps.ToImmutable(),
            ErrorSummary.Of(bottomErrors),
            ErrorSummary.Of(deepErrors),
            ErrorSummary.Of(hipErrors),
            JointErrors(truth, poses, 0, truth.Frames.Length - 1),
            maxOffAxis > analysis.Settings.ViewWarningYawDeg,
            maxOffAxis);
    }

    private static RepAccuracy CompareRep(
        int k, (int First, int Last) span, Rep? ours, SampleTruth truth, IReadOnlyList<PoseFrame> poses, SessionAnalysis analysis,
        Dictionary<int, int> byFrame)
    {
        Side stance = truth.StanceLeg;
        int trueBottom = TrueBottom(truth, k, span);
        var joints = JointErrors(truth, poses, span.First, span.Last);
        if (ours is null || !byFrame.TryGetValue(ours.BottomFrame, out int b))
        {
            return new RepAccuracy(
                k, false, null, null, trueBottom, truth.Frames[trueBottom].Leg(stance).FppaDeg, null,
                ErrorSummary.Empty, ErrorSummary.Empty, 0, ErrorSummary.Empty, ErrorSummary.Empty, null, false, joints);
        }

        var bottomTruth = truth.Frames[ours.BottomFrame];
        var bottomOurs = analysis.Frames[b];
        double? fppa = bottomOurs.FppaDeg(stance);
        double truthFppa = bottomTruth.Leg(stance).FppaDeg;

        var deepFppa = new List<double>();
        var deepHip = new List<double>();
        int missing = 0;
        foreach (int frame in DeepFrames(truth, k, k))
        {
            var metrics = byFrame.TryGetValue(frame, out int i) ? analysis.Frames[i] : null;
            if (metrics?.FppaDeg(stance) is { } f)
            {
                deepFppa.Add(f - truth.Frames[frame].Leg(stance).FppaDeg);
            }
            else
            {
                missing++;
            }

            if (metrics?.HipShiftPct is { } h)
            {
                deepHip.Add(h - truth.Frames[frame].HipShiftPct);
            }
        }

        return new RepAccuracy(
            k,
            true,
            ours.Side,
            ours.BottomFrame,
            trueBottom,
            truthFppa,
            fppa,
            fppa is { } v ? ErrorSummary.Of([v - truthFppa]) : ErrorSummary.Empty,
            ErrorSummary.Of(deepFppa),
            missing,
            bottomOurs.HipShiftPct is { } hs ? ErrorSummary.Of([hs - bottomTruth.HipShiftPct]) : ErrorSummary.Empty,
            ErrorSummary.Of(deepHip),
            ours.Quality.MaxOffAxisDeg,
            ours.Quality.MaxOffAxisDeg > analysis.Settings.ViewWarningYawDeg,
            joints);
    }

    /// <summary>The tool's rep whose bottom lies inside the true rep; of several, the one nearest the true bottom.</summary>
    private static Rep? MatchRep(ImmutableArray<Rep> reps, (int First, int Last) span, int trueBottom)
    {
        Rep? best = null;
        foreach (var rep in reps)
        {
            if (rep.BottomFrame >= span.First && rep.BottomFrame <= span.Last &&
                (best is null || Math.Abs(rep.BottomFrame - trueBottom) < Math.Abs(best.BottomFrame - trueBottom)))
            {
                best = rep;
            }
        }

        return best;
    }

    /// <summary>The middle frame of the rep's "bottom" phase, or its deepest frame when it has none.</summary>
    private static int TrueBottom(SampleTruth truth, int k, (int First, int Last) span)
    {
        int first = -1, last = -1, deepest = span.First;
        for (int f = span.First; f <= span.Last; f++)
        {
            var frame = truth.Frames[f];
            if (frame.Rep != k)
            {
                continue;
            }

            if (frame.Phase == TruthPhase.Bottom)
            {
                first = first < 0 ? f : first;
                last = f;
            }

            if (frame.DepthPct > truth.Frames[deepest].DepthPct)
            {
                deepest = f;
            }
        }

        return first < 0 ? deepest : (first + last) / 2;
    }

    /// <summary>Frames of reps <paramref name="fromRep"/>..<paramref name="toRep"/> deeper than half their rep's true depth.</summary>
    private static IEnumerable<int> DeepFrames(SampleTruth truth, int fromRep, int toRep)
    {
        for (int k = fromRep; k <= toRep; k++)
        {
            double maxDepth = 0;
            foreach (var frame in truth.Frames)
            {
                if (frame.Rep == k)
                {
                    maxDepth = Math.Max(maxDepth, frame.DepthPct);
                }
            }

            foreach (var frame in truth.Frames)
            {
                if (frame.Rep == k && maxDepth > 0 && frame.DepthPct > DeepFraction * maxDepth)
                {
                    yield return frame.Frame;
                }
            }
        }
    }

    private static ImmutableArray<JointAccuracy> JointErrors(SampleTruth truth, IReadOnlyList<PoseFrame> poses, int firstFrame, int lastFrame)
    {
        var result = ImmutableArray.CreateBuilder<JointAccuracy>(JointAccuracy.Measured.Count);
        foreach (var (name, side, landmark, trueCentre) in JointAccuracy.Measured)
        {
            var distances = new List<double>();
            foreach (var pose in poses)
            {
                if (pose.HasPose && pose.FrameIndex >= firstFrame && pose.FrameIndex <= lastFrame && pose.FrameIndex < truth.Frames.Length)
                {
                    var lm = pose[landmark];
                    distances.Add(Point2.Distance(new Point2(lm.X, lm.Y), trueCentre(truth.Frames[pose.FrameIndex].Leg(side))));
                }
            }

            result.Add(new JointAccuracy(name, side, landmark, DistanceSummary.Of(distances)));
        }

        return result.MoveToImmutable();
    }
}
