using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// One foot's standing reference for the lunge test: the floor line under it, its length, and the levelled heights
/// of its heel and ankle, from the frames in which it was the front foot outside any attempt (or, failing those,
/// the frames where its attempts began).
/// </summary>
internal sealed record FootBaseline(Side Side, FloorLine Floor, double FootLengthPx, double? HeelYPx, double? AnkleYPx)
{
    public static FootBaseline? From(LungeView view, Side side, int?[] inAttempt, IReadOnlyList<RepWindow> windows, Side?[] attemptSides, AnkleLungeSettings settings)
    {
        var standing = new List<int>();
        for (int i = 0; i < view.Count; i++)
        {
            if (inAttempt[i] is null && view.Front(i) == side && view.FootLine(i, side) is not null)
            {
                standing.Add(i);
            }
        }

        if (standing.Count == 0)
        {
            for (int w = 0; w < windows.Count; w++)
            {
                if (attemptSides[w] == side && view.FootLine(windows[w].Start, side) is not null)
                {
                    standing.Add(windows[w].Start);
                }
            }
        }

        if (standing.Count == 0)
        {
            return null;
        }

        var angles = new List<double>(standing.Count);
        var lengths = new List<double>(standing.Count);
        foreach (int i in standing)
        {
            var (angle, length) = view.FootLine(i, side)!.Value;
            angles.Add(angle);
            lengths.Add(length);
        }

        var floor = FloorLine.Estimate(angles, settings);
        double tilt = floor.CorrectionDeg;
        var heels = new List<double>();
        var ankles = new List<double>();
        foreach (int i in standing)
        {
            if (view.LevelledY(i, side.Heel(), tilt) is { } h)
            {
                heels.Add(h);
            }

            if (view.LevelledY(i, side.Ankle(), tilt) is { } a)
            {
                ankles.Add(a);
            }
        }

        return new FootBaseline(side, floor, Percentile.Of(lengths, 0.5)!.Value, Percentile.Of(heels, 0.5), Percentile.Of(ankles, 0.5));
    }

    /// <summary>The heel landmark's rise above its standing height, % of foot length (up positive).</summary>
    public double? HeelRisePct(LungeView view, int i) => Rise(view.LevelledY(i, Side.Heel(), Floor.CorrectionDeg), HeelYPx);

    /// <summary>The ankle centre's rise above its standing height, % of foot length (up positive).</summary>
    public double? AnkleRisePct(LungeView view, int i) => Rise(view.LevelledY(i, Side.Ankle(), Floor.CorrectionDeg), AnkleYPx);

    private double? Rise(double? y, double? standingY) =>
        y is { } v && standingY is { } s && FootLengthPx > 0 ? 100.0 * (s - v) / FootLengthPx : null;
}
