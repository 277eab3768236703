using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// The live stance leg: the per-frame ankle vote (<see cref="FrameMetricsCalculator.StanceFromAnkles"/>) held over
/// the frames that cast none. At the depth of a single-leg squat the free foot hangs from the lowered pelvis and comes
/// down level with the standing one, so the vote is "no lower ankle" exactly where the FPPA matters; the leg on the
/// floor has not changed, and a frame-by-frame decision would blank it (issue 21). So: the first vote sets the stance,
/// a frame without a vote keeps it, the other leg takes over only once it has been voted for <see cref="SwitchSeconds"/>
/// without a break (putting one foot down and lifting the other), and the stance is let go only after
/// <see cref="ReleaseSeconds"/> without a person in view. Pure; time comes from the frames.
/// </summary>
public sealed class StanceHold
{
    /// <summary>How long the other leg must be voted for, uninterrupted, to take over (a few noisy frames never do).</summary>
    public const double SwitchSeconds = 0.3;

    /// <summary>How long without a pose before the held stance is let go (the person stepped out of view).</summary>
    public const double ReleaseSeconds = 1.0;

    private double? _challengerSince;
    private double? _poseLostSince;

    /// <summary>The stance leg held now; null before the first vote and after the person has been gone a while.</summary>
    public Side? Current { get; private set; }

    /// <summary>Takes one frame's vote and returns the stance to use for that frame.</summary>
    /// <param name="timeSeconds">The frame's time (not decreasing).</param>
    /// <param name="hasPose">Whether the frame shows a person at all.</param>
    /// <param name="vote">The frame's own lower-ankle vote; null when the ankles are level or unseen.</param>
    public Side? Update(double timeSeconds, bool hasPose, Side? vote)
    {
        if (!hasPose)
        {
            _challengerSince = null;
            _poseLostSince ??= timeSeconds;
            if (timeSeconds - _poseLostSince.Value >= ReleaseSeconds)
            {
                Current = null;
            }

            return Current;
        }

        _poseLostSince = null;
        if (vote is not { } side || side == Current)
        {
            // Level or unseen ankles keep the leg on the floor; a vote for it clears any pending switch.
            if (vote is not null)
            {
                _challengerSince = null;
            }

            return Current;
        }

        if (Current is null)
        {
            Current = side;
            return Current;
        }

        _challengerSince ??= timeSeconds;
        if (timeSeconds - _challengerSince.Value >= SwitchSeconds)
        {
            Current = side;
            _challengerSince = null;
        }

        return Current;
    }
}
