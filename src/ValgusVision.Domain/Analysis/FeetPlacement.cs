using System.Globalization;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Tells, per rep of a frontal squat-like exercise, whether both feet stayed down and whether one was ahead.
/// <para>
/// Both feet down: a planted ankle stays where it is while the hips sink, whereas the free foot of a single-leg squat
/// hangs from the pelvis and goes down and up with it (on the rendered single-leg squats the model's free ankle moves
/// 0.8–0.9 px per px of mid-hip travel, the stance ankle 0.1–0.2). So, over the rep's frames below <see cref="DeepShareOfDepth"/> of its depth (past
/// a lunge's step, which lands early in the descent), each ankle's image height is regressed on the mid-hip's, each
/// ankle on the frames that show it (a lifted foot is often seen with low visibility): a foot counts as down when the
/// slope is within ±<see cref="PlantedSlope"/>. A rear heel rising in a lunge lifts its ankle a few centimetres
/// against the hips' 30–40 cm (about −0.15); least squares over the whole descent and rise is not fooled by the
/// still frames at the bottom, where a free foot does not move either.
/// </para>
/// <para>
/// One foot ahead, in a frontal view: the floor recedes towards the horizon, so with the camera above the floor a foot
/// nearer the camera stands lower in the image (camera at hip height 3 m away, a 0.7 m step puts the front ankle about
/// a third of a leg length lower) and looks larger. The lower ankle alone cannot be trusted (a camera on the floor
/// shows no difference; staggered feet in a squat show a little), so the knees decide first: at a lunge's bottom the
/// rear knee sinks towards the floor and its shank lies nearly flat (almost no vertical extent in the image), while the
/// front shank stays near upright; in a squat both shanks tilt alike. A difference of at least
/// <see cref="SplitShankDifference"/> of standing shank length names the leg with the more upright shank the front
/// one; without it, an ankle at least <see cref="SplitAnkleStepPct"/> of leg length lower does. When both cues speak
/// and disagree the lead leg is left unknown rather than guessed.
/// </para>
/// </summary>
public static class FeetPlacement
{
    /// <summary>
    /// Largest |px of ankle travel per px of mid-hip travel| of a foot on the floor. Set halfway between what the
    /// rendered single-leg squats show (samples/): the model's stance ankle reads 0.14–0.22 (it drifts a little with the
    /// bending shank), the free ankle 0.83–0.94, in every rep of the five frontal clips.
    /// </summary>
    public const double PlantedSlope = 0.5;

    /// <summary>Fewest frames showing an ankle (with both hips) for its slope to count.</summary>
    public const int MinFrames = 5;

    /// <summary>Least mid-hip travel over those frames, % of leg length, for a slope to mean anything against landmark jitter.</summary>
    public const double MinHipTravelPct = 4.0;

    /// <summary>Front minus rear shank uprightness that calls a split stance (a flat rear shank reads near 0, an upright one near 1).</summary>
    public const double SplitShankDifference = 0.30;

    /// <summary>Ankle height difference, % of leg length, that calls a split stance when the knees do not tell.</summary>
    public const double SplitAnkleStepPct = 12.0;

    /// <summary>Share of the rep's depth above which a frame is used for the feet.</summary>
    public const double DeepShareOfDepth = 0.3;

    /// <summary>The feet in one frame; null without a pose, both ankles seen or a leg scale.</summary>
    public static FeetFrame? Measure(PoseFrame frame, StandingReference reference, double visibilityGate)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(reference);
        if (!frame.HasPose || reference.LegScalePx is not { } leg || leg <= 0)
        {
            return null;
        }

        var la = frame[BodyLandmark.LeftAnkle];
        var ra = frame[BodyLandmark.RightAnkle];
        if (!Seen(la, visibilityGate) || !Seen(ra, visibilityGate))
        {
            return null;
        }

        return new FeetFrame(
            Math.Abs(ra.X - (double)la.X) / leg * 100.0,
            (ra.Y - (double)la.Y) / leg * 100.0,
            Upright(frame, Side.Left, reference.ShankPx(Side.Left), visibilityGate),
            Upright(frame, Side.Right, reference.ShankPx(Side.Right), visibilityGate));
    }

    /// <summary>The feet of one rep (see the class summary); <paramref name="depthPct"/> is the session's hip depth per frame.</summary>
    public static RepFeet ForRep(IReadOnlyList<PoseFrame> frames, IReadOnlyList<double?> depthPct, RepWindow window, StandingReference reference, double visibilityGate)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(depthPct);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.LegScalePx is not { } leg || leg <= 0)
        {
            return RepFeet.Unknown("no standing leg length to scale the feet by");
        }

        double depth = 0;
        for (int i = window.Start; i <= window.End; i++)
        {
            depth = Math.Max(depth, depthPct[i] ?? 0);
        }

        var fits = new[] { new SlopeFit(), new SlopeFit() };
        int deepest = -1;
        double deepestDepth = double.NegativeInfinity;
        for (int i = window.Start; i <= window.End; i++)
        {
            if (depthPct[i] is not { } d || d < DeepShareOfDepth * depth || !frames[i].HasPose)
            {
                continue;
            }

            var f = frames[i];
            var lh = f[BodyLandmark.LeftHip];
            var rh = f[BodyLandmark.RightHip];
            if (!Seen(lh, visibilityGate) || !Seen(rh, visibilityGate))
            {
                continue;
            }

            double hipY = (lh.Y + (double)rh.Y) / 2;
            foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
            {
                var ankle = f[side.Ankle()];
                if (Seen(ankle, visibilityGate))
                {
                    fits[(int)side].Add(hipY, ankle.Y);
                }
            }

            if (d > deepestDepth && Measure(f, reference, visibilityGate) is not null)
            {
                deepestDepth = d;
                deepest = i;
            }
        }

        double minTravel = MinHipTravelPct / 100.0 * leg;
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            if (fits[(int)side].Count < MinFrames || fits[(int)side].HipTravel < minTravel)
            {
                return RepFeet.Unknown($"the {side.ToName()} ankle was not seen in enough of the rep's deep frames");
            }
        }

        double leftSlope = fits[0].Slope, rightSlope = fits[1].Slope;
        if (Math.Abs(leftSlope) > PlantedSlope || Math.Abs(rightSlope) > PlantedSlope)
        {
            var free = Math.Abs(leftSlope) > Math.Abs(rightSlope) ? Side.Left : Side.Right;
            return new RepFeet(FeetStance.OneFootLifted, null, null, string.Create(CultureInfo.InvariantCulture, $"the {free.ToName()} ankle moved with the hips ({Math.Abs(free == Side.Left ? leftSlope : rightSlope):0.00} px per px): that foot was off the floor"));
        }

        if (deepest < 0)
        {
            return RepFeet.Unknown("both ankles were never seen together in the rep's deep frames");
        }

        int at = Measure(frames[window.Bottom], reference, visibilityGate) is null ? deepest : window.Bottom;
        var bottom = Measure(frames[at], reference, visibilityGate)!.Value;
        return Split(bottom);
    }

    /// <summary>Side by side or split, and the lead leg, from the feet at a rep's bottom (both already known to be down).</summary>
    public static RepFeet Split(FeetFrame bottom)
    {
        Side? byKnees = null, byAnkles = null;
        if (bottom is { LeftShankUpright: { } l, RightShankUpright: { } r } && Math.Abs(r - l) >= SplitShankDifference)
        {
            byKnees = r > l ? Side.Right : Side.Left;
        }

        if (Math.Abs(bottom.RightLowerPct) >= SplitAnkleStepPct)
        {
            byAnkles = bottom.RightLowerPct > 0 ? Side.Right : Side.Left;
        }

        return (byKnees, byAnkles) switch
        {
            (null, null) => new RepFeet(FeetStance.SideBySide, null, bottom, null),
            ({ } k, { } a) when k != a => new RepFeet(FeetStance.Split, null, bottom, $"the lower foot ({a.ToName()}) and the more upright shank ({k.ToName()}) disagree on which leg is in front"),
            ({ } k, _) => new RepFeet(FeetStance.Split, k, bottom, null),
            (null, { } a) => new RepFeet(FeetStance.Split, a, bottom, null),
        };
    }

    /// <summary>
    /// Whether a recording's reps are done on both feet: the both-feet exercise when more assessed reps had both feet
    /// down than a foot lifted (a lunge when most of those were split), null otherwise or when none could be assessed.
    /// </summary>
    public static Exercise? BothFeetExercise(IReadOnlyList<RepFeet> reps) => BothFeet(reps).Exercise;

    /// <summary><see cref="BothFeetExercise"/> with the counts behind it, in words.</summary>
    public static (Exercise? Exercise, string Reason) BothFeet(IReadOnlyList<RepFeet> reps)
    {
        ArgumentNullException.ThrowIfNull(reps);
        int lifted = 0, side = 0, split = 0;
        foreach (var rep in reps)
        {
            switch (rep.Stance)
            {
                case FeetStance.OneFootLifted: lifted++; break;
                case FeetStance.SideBySide: side++; break;
                case FeetStance.Split: split++; break;
            }
        }

        string counts = string.Create(CultureInfo.InvariantCulture, $"of {reps.Count} hip-depth reps, {side} with both feet down side by side, {split} with one foot ahead, {lifted} with a foot off the floor");
        if (side + split == 0 || side + split <= lifted)
        {
            return (null, counts);
        }

        return (split > side ? Exercise.ForwardLunge : Exercise.DoubleLegSquat, counts);
    }

    private static double? Upright(PoseFrame frame, Side side, double? standingShank, double gate)
    {
        var knee = frame[side.Knee()];
        var ankle = frame[side.Ankle()];
        if (standingShank is not { } shank || shank <= 0 || !Seen(knee, gate) || !Seen(ankle, gate))
        {
            return null;
        }

        return (ankle.Y - (double)knee.Y) / shank;
    }

    /// <summary>Least-squares slope of ankle y on mid-hip y, accumulated without storing the frames.</summary>
    private sealed class SlopeFit
    {
        private double _sumH, _sumA, _sumHH, _sumHA, _minH = double.PositiveInfinity, _maxH = double.NegativeInfinity;

        public int Count { get; private set; }

        public double HipTravel => Count == 0 ? 0 : _maxH - _minH;

        public double Slope
        {
            get
            {
                double varH = _sumHH - (_sumH * _sumH / Count);
                return varH > 0 ? (_sumHA - (_sumH * _sumA / Count)) / varH : 0;
            }
        }

        public void Add(double hip, double ankle)
        {
            Count++;
            _sumH += hip;
            _sumA += ankle;
            _sumHH += hip * hip;
            _sumHA += hip * ankle;
            _minH = Math.Min(_minH, hip);
            _maxH = Math.Max(_maxH, hip);
        }
    }

    private static bool Seen(Landmark l, double gate) => l.Visibility >= gate && float.IsFinite(l.X) && float.IsFinite(l.Y);
}
