using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Finds landings of a drop vertical jump from the ankles: feet off the floor (both ankles above floor level by the
/// flight clearance — standing on the box counts, as the feet are above the floor) followed by initial contact, the
/// first frame with both ankles back within the contact tolerance of the floor. Peak flexion is the deepest hip
/// position after contact, before the feet leave the floor again or the hip comes back up.
/// </summary>
public static class DropLandingDetector
{
    /// <summary>Landing windows: Start = initial contact, Bottom = peak flexion, End = takeoff or recovery.</summary>
    public static IReadOnlyList<RepWindow> Detect(IReadOnlyList<PoseFrame> frames, IReadOnlyList<double?> depthPct, StandingReference reference, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(depthPct);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(settings);
        var landings = new List<RepWindow>();
        if (reference.FloorAnkleYPx is not { } floor || reference.LegScalePx is not { } leg)
        {
            return landings;
        }

        double airborneBelowY = floor - (settings.FlightClearancePct / 100.0 * leg);
        double contactFromY = floor - (settings.ContactTolerancePct / 100.0 * leg);
        bool wasAirborne = false;
        int i = 0;
        while (i < frames.Count)
        {
            var state = FootState(frames[i], settings, airborneBelowY, contactFromY);
            if (state == Feet.Airborne)
            {
                wasAirborne = true;
                i++;
                continue;
            }

            if (state != Feet.Contact || !wasAirborne)
            {
                i++;
                continue;
            }

            int contact = i;
            int bottom = contact;
            int end = contact;
            double deepest = depthPct[contact] ?? double.NegativeInfinity;
            for (int j = contact + 1; j < frames.Count; j++)
            {
                if (FootState(frames[j], settings, airborneBelowY, contactFromY) == Feet.Airborne)
                {
                    break;
                }

                end = j;
                if (depthPct[j] is { } d)
                {
                    if (d > deepest)
                    {
                        deepest = d;
                        bottom = j;
                    }
                    else if (d <= settings.RepEndDepthPct && deepest > settings.RepStartDepthPct)
                    {
                        // Back up after the landing: the landing is over.
                        break;
                    }
                }
            }

            landings.Add(new RepWindow(contact, bottom, end));
            wasAirborne = false;
            i = end + 1;
        }

        return landings;
    }

    private enum Feet
    {
        Unknown,
        Airborne,
        Contact,
        Between,
    }

    /// <summary>
    /// Where the feet are. Unknown unless both feet — ankle, heel and toes — are above the gate and inside the picture:
    /// a clip with its feet cropped off has ankles the model only guesses, and guessed ankles "leaving the floor" made
    /// a cropped single-leg squat a drop jump.
    /// </summary>
    private static Feet FootState(PoseFrame frame, AnalysisSettings settings, double airborneBelowY, double contactFromY)
    {
        if (!frame.HasPose || !FootSeen(frame, Side.Left, settings) || !FootSeen(frame, Side.Right, settings))
        {
            return Feet.Unknown;
        }

        var la = frame[BodyLandmark.LeftAnkle];
        var ra = frame[BodyLandmark.RightAnkle];

        // Image y grows downwards: "above the floor" is a smaller y.
        if (Math.Max(la.Y, ra.Y) < airborneBelowY)
        {
            return Feet.Airborne;
        }

        return Math.Min(la.Y, ra.Y) >= contactFromY ? Feet.Contact : Feet.Between;
    }

    private static bool FootSeen(PoseFrame frame, Side side, AnalysisSettings settings) =>
        FrameEdges.Sees(frame, side.Ankle(), settings) && FrameEdges.Sees(frame, side.Heel(), settings) && FrameEdges.Sees(frame, side.FootIndex(), settings);
}
