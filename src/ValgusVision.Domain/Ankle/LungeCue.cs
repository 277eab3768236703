using System.Globalization;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// What tells the weight-bearing lunge test apart from the frontal exercises when the exercise is picked from the
/// motion: the body is filmed from the side (turned at least <see cref="AnkleLungeSettings.MinSideViewDeg"/> from a
/// frontal view), the feet are in a split stance (one ahead of the other along the way the toes point, the rear
/// one on or near the floor) and the front shank leans forward and back over at least one attempt's worth
/// (<see cref="AnkleLungeSettings.AttemptMinRiseDeg"/>). Every frontal exercise is filmed facing the camera; a squat
/// filmed from the side has its feet together or the free foot off the floor.
/// </summary>
/// <param name="SideViewDeg">Median of how far the body was turned from a frontal view (90° = side-on); null without world landmarks.</param>
/// <param name="SplitStanceFraction">Share of the frames showing both ankles and the front knee in which the feet stood split.</param>
/// <param name="FrontShankRangeDeg">95th minus 10th percentile of the front shank's forward lean; null when never measurable.</param>
public sealed record LungeCue(double? SideViewDeg, double SplitStanceFraction, double? FrontShankRangeDeg)
{
    /// <summary>
    /// Feet count as split when the ankles are at least this many shank lengths apart along the facing direction. A
    /// knee-to-wall lunge puts the rear foot a stride behind (about 0.8 shank lengths on our rendered lunges); two
    /// feet side by side seen from the side are a few centimetres apart.
    /// </summary>
    public const double SplitMinShanks = 0.4;

    /// <summary>
    /// ...and the rear ankle no higher than this many shank lengths above the front one: a rear foot on its toes
    /// raises its ankle by about 0.2 shank lengths (our rendered lunges), a free foot held off the floor in a
    /// single-leg squat by about one.
    /// </summary>
    public const double RearAnkleMaxRiseShanks = 0.5;

    /// <summary>Most frames must show the split stance: the test is done in it from start to end.</summary>
    public const double MinSplitStanceFraction = 0.5;

    /// <summary>Reads the cue from the recording's poses (gated by <see cref="LungeAnalysisSettings.VisibilityGate"/>).</summary>
    public static LungeCue Measure(IReadOnlyList<PoseFrame> frames, LungeAnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(settings);
        double gate = settings.VisibilityGate;
        var sideViews = new List<double>();
        var leans = new List<double>();
        int measured = 0, split = 0;
        foreach (var frame in frames)
        {
            if (LungeFrame.SideViewDeg(frame, gate) is { } sideView)
            {
                sideViews.Add(sideView);
            }

            if (LungeFrame.FacingOf(frame, gate) is not { } facing
                || LungeFrame.FrontOf(frame, facing, gate) is not { } front
                || !LungeFrame.Visible(frame, front.Knee(), gate)
                || !LungeFrame.Visible(frame, front.Opposite().Ankle(), gate))
            {
                continue;
            }

            var ankle = frame.ImagePoint(front.Ankle());
            var rear = frame.ImagePoint(front.Opposite().Ankle());
            double shank = Geometry.Point2.Distance(frame.ImagePoint(front.Knee()), ankle);
            if (shank < 1e-6)
            {
                continue;
            }

            measured++;
            double apart = (int)facing * (ankle.X - rear.X) / shank;
            double rearRise = (ankle.Y - rear.Y) / shank;
            split += apart >= SplitMinShanks && rearRise <= RearAnkleMaxRiseShanks ? 1 : 0;
            if (LungeFrame.Inclination(frame, front, facing, 0, gate) is { } lean)
            {
                leans.Add(lean);
            }
        }

        double? range = Percentile.Of(leans, 0.95) is { } high && Percentile.Of(leans, 0.10) is { } low ? high - low : null;
        return new LungeCue(Percentile.Of(sideViews, 0.5), measured == 0 ? 0 : (double)split / measured, range);
    }

    /// <summary>The recording looks like the lunge test: side view, split stance and a forward lean of the front shank.</summary>
    public bool Fits(AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SideViewDeg >= settings.MinSideViewDeg
            && SplitStanceFraction >= MinSplitStanceFraction
            && FrontShankRangeDeg >= settings.AttemptMinRiseDeg;
    }

    /// <summary>The three readings in words, for the reason the exercise was chosen (or not).</summary>
    public string Describe() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"body turned {(SideViewDeg is { } sv ? sv.ToString("0", CultureInfo.InvariantCulture) + "°" : "unknown")} from a frontal view, feet split in {100 * SplitStanceFraction:0}% of the frames, front shank leaning over {(FrontShankRangeDeg is { } r ? r.ToString("0", CultureInfo.InvariantCulture) + "°" : "no measurable range")}");
}
