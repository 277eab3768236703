using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Which leg is on the ground over a stretch of frames. Squat and hinge: the leg whose ankle is clearly lower
/// (docs/metrics.md), by majority of the frames that show one. Hip hitch: the foot on the step stays still while the free
/// foot hangs below it and moves with the pelvis, so there the stance leg is the ankle that moves least.
/// </summary>
public static class StanceLegDetector
{
    /// <summary>Majority of per-frame ankle votes in [from, to]; null without a clear (≥ 2/3) majority.</summary>
    public static Side? ByLowerAnkle(IReadOnlyList<Side?> perFrame, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(perFrame);
        int left = 0, right = 0;
        for (int i = Math.Max(0, from); i <= to && i < perFrame.Count; i++)
        {
            if (perFrame[i] == Side.Left)
            {
                left++;
            }
            else if (perFrame[i] == Side.Right)
            {
                right++;
            }
        }

        // Two thirds: a rep where the feet swap roles half the time has no stance leg we could name honestly.
        if (left + right == 0)
        {
            return null;
        }

        if (left * 3 >= (left + right) * 2)
        {
            return Side.Left;
        }

        return right * 3 >= (left + right) * 2 ? Side.Right : null;
    }

    /// <summary>The leg whose ankle's image height varies least (standard deviation) in [from, to]; null when equal or unseen.</summary>
    public static Side? ByStillerAnkle(IReadOnlyList<PoseFrame> frames, int from, int to, double visibilityGate)
    {
        ArgumentNullException.ThrowIfNull(frames);
        double? left = AnkleSpread(frames, from, to, BodyLandmark.LeftAnkle, visibilityGate);
        double? right = AnkleSpread(frames, from, to, BodyLandmark.RightAnkle, visibilityGate);
        if (left is not { } l || right is not { } r || l == r)
        {
            return null;
        }

        return l < r ? Side.Left : Side.Right;
    }

    private static double? AnkleSpread(IReadOnlyList<PoseFrame> frames, int from, int to, BodyLandmark ankle, double gate)
    {
        int n = 0;
        double sum = 0, squares = 0;
        for (int i = Math.Max(0, from); i <= to && i < frames.Count; i++)
        {
            var frame = frames[i];
            if (!frame.HasPose || !(frame[ankle].Visibility >= gate) || !float.IsFinite(frame[ankle].Y))
            {
                continue;
            }

            double y = frame[ankle].Y;
            n++;
            sum += y;
            squares += y * y;
        }

        if (n < 2)
        {
            return null;
        }

        double mean = sum / n;
        return Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean)));
    }
}
