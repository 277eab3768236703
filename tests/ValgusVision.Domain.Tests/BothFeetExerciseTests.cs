using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// The double-leg squat and the frontal forward lunge (both feet down), on hand-made stick people
/// (<see cref="SyntheticBody"/>: standing hips y 400, knees 600, ankles 800, leg 400 px).
/// </summary>
public class BothFeetExerciseTests
{
    private static readonly SyntheticSession Session = new() { NoisePx = 1, Seed = 3 };

    private static readonly AnalysisSettings Auto = AnalysisSettings.Default;

    /// <summary>
    /// Double-leg squats: both ankles on the floor, hips 120 px down, left knee 30 px and right knee 10 px medial at
    /// the bottom. At the bottom hip y 520, ankle 800, knee halfway (660): FPPA = 2·atan(medial / 140).
    /// </summary>
    private static List<PoseFrame> DoubleSquats(int reps, double leftMedialPx = 30, double rightMedialPx = 10) =>
        Session.Build(reps, (_, phase) => new SyntheticBody { DepthPx = 120 * phase, LeftKneeMedialPx = leftMedialPx * phase, RightKneeMedialPx = rightMedialPx * phase });

    /// <summary>
    /// Frontal lunges in a split stance held all along, <paramref name="front"/> leg ahead: its ankle stands 80 px lower
    /// in the image (nearer the camera, y 880), the hips sink 120 px, the rear knee sinks from halfway down its leg to
    /// 20 px above its ankle (its shank lies flat), both knees cave in 30 px (the rear one's must not count). At the bottom the front leg runs from
    /// hip y 520 to ankle 880 with the knee halfway (700): FPPA = 2·atan(30 / 180) = 18.92°.
    /// </summary>
    private static List<PoseFrame> Lunges(int reps, Side front, bool rearKneeSinks = true, double frontAnkleLowerPx = 80)
    {
        var frames = Session.Build(reps, (_, phase) => front == Side.Right
            ? new SyntheticBody { DepthPx = 120 * phase, RightAnkleLiftPx = -frontAnkleLowerPx, RightKneeMedialPx = 30 * phase, LeftKneeMedialPx = 30 * phase }
            : new SyntheticBody { DepthPx = 120 * phase, LeftAnkleLiftPx = -frontAnkleLowerPx, LeftKneeMedialPx = 30 * phase, RightKneeMedialPx = 30 * phase });
        if (!rearKneeSinks)
        {
            return frames;
        }

        var rear = front.Opposite();
        for (int i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            var hip = f[rear.Hip()];
            var ankle = f[rear.Ankle()];
            double depth = hip.Y - 400;
            double phase = Math.Clamp(depth / 120, 0, 1);
            float kneeY = (float)(((hip.Y + ankle.Y) / 2 * (1 - phase)) + ((ankle.Y - 20) * phase));
            var landmarks = f.Landmarks.ToBuilder();
            landmarks[(int)rear.Knee()] = landmarks[(int)rear.Knee()] with { Y = kneeY };
            frames[i] = f with { Landmarks = landmarks.ToImmutable() };
        }

        return frames;
    }

    private static double Fppa(double medialPx, double halfLegPx) => 2 * Math.Atan(medialPx / halfLegPx) * 180 / Math.PI;

    [Fact]
    public void Auto_calls_squats_on_both_feet_a_double_leg_squat_never_a_single_leg_squat()
    {
        var analysis = SessionAnalyzer.Analyze(DoubleSquats(3), Auto);
        Assert.Equal(Exercise.DoubleLegSquat, analysis.Exercise);
        Assert.Contains("both feet on the floor", analysis.ExerciseReason, StringComparison.Ordinal);
        Assert.Contains("3 with both feet down side by side", analysis.ExerciseReason, StringComparison.Ordinal);
        Assert.Equal(3, analysis.Reps.Length);
        foreach (var rep in analysis.Reps)
        {
            Assert.Null(rep.Side);
            var knees = rep.BothKnees!;
            Assert.Equal(FeetStance.SideBySide, knees.Feet);
            Assert.Null(knees.LeadLeg);

            // ±1 px noise on a 140 px half-leg moves each angle by well under 1.5°.
            Assert.Equal(Fppa(30, 140), knees.LeftFppaAtBottomDeg!.Value, 1.5);
            Assert.Equal(Fppa(10, 140), knees.RightFppaAtBottomDeg!.Value, 1.5);
            Assert.Equal(knees.RightFppaAtBottomDeg!.Value - knees.LeftFppaAtBottomDeg!.Value, knees.DifferenceDeg!.Value, 9);
            Assert.InRange(knees.FeetApartPct!.Value, 24, 26); // ankles 100 px apart over a 400 px leg
            Assert.True(rep.Quality.IsTrusted, string.Join("; ", rep.Quality.Issues));
            // "Left knee caved in 24° at the bottom, 16° more than the right (8°) — above your 10° limit.", give or take
            // the ±1 px noise (up to about 1.5° on each angle).
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(rep.Verdict, @"^Left knee caved in 2[3-6]° at the bottom, 1[4-8]° more than the right \(([6-9]|10)°\) — above your 10° limit\.$"), rep.Verdict);
        }

        // Every rep counts for both knees; the left caves in more.
        Assert.Equal(3, analysis.Summary.Left.RepCount);
        Assert.Equal(3, analysis.Summary.Right.RepCount);
        Assert.Equal(Side.Left, analysis.Summary.Asymmetry.WorseSide);

        // Both knees' events are kept (the left crosses 10°; the right's 8.2° peak does not).
        Assert.Contains(analysis.Events, e => e.Side == Side.Left);
        Assert.DoesNotContain(analysis.Events, e => e.Side == Side.Right);
    }

    [Fact]
    public void Both_knees_within_the_limit_and_aligned_read_as_staying_over_the_feet()
    {
        var analysis = SessionAnalyzer.Analyze(DoubleSquats(2, 0, 0), Auto);
        Assert.Equal(Exercise.DoubleLegSquat, analysis.Exercise);
        Assert.All(analysis.Reps, r => Assert.StartsWith("Both knees stayed over the feet at the bottom", r.Verdict, StringComparison.Ordinal));
        Assert.Empty(analysis.Events);
    }

    [Theory]
    [InlineData(Side.Right)]
    [InlineData(Side.Left)]
    public void Auto_calls_a_split_stance_a_forward_lunge_and_measures_the_front_knee(Side front)
    {
        var analysis = SessionAnalyzer.Analyze(Lunges(3, front), Auto);
        Assert.Equal(Exercise.ForwardLunge, analysis.Exercise);
        Assert.Contains("3 with one foot ahead", analysis.ExerciseReason, StringComparison.Ordinal);
        foreach (var rep in analysis.Reps)
        {
            Assert.Equal(front, rep.Side);
            Assert.Equal(front, rep.BothKnees!.LeadLeg);
            Assert.Equal(FeetStance.Split, rep.BothKnees.Feet);

            // The rear knee's angle is not reported: its shank lies flat.
            Assert.Null(rep.BothKnees.FppaAtBottomDeg(front.Opposite()));
            Assert.Equal(Fppa(30, 180), rep.FppaAtBottomDeg!.Value, 1.5);
            Assert.Matches($"^{front.ToTitle()} leg in front: the front knee caved in (18|19|20)° at the bottom — above your 10° limit\\.$", rep.Verdict);
        }

        // Only the front knee's events.
        Assert.NotEmpty(analysis.Events);
        Assert.All(analysis.Events, e => Assert.Equal(front, e.Side));
        Assert.Equal(3, analysis.Summary.For(front).RepCount);
        Assert.Equal(0, analysis.Summary.For(front.Opposite()).RepCount);
    }

    [Fact]
    public void Lead_leg_comes_from_the_knees_when_the_camera_shows_the_feet_level()
    {
        // A camera on the floor sees both ankles on one line: the rear knee sinking alone tells which leg is ahead.
        var analysis = SessionAnalyzer.Analyze(Lunges(2, Side.Left, frontAnkleLowerPx: 0), Auto);
        Assert.Equal(Exercise.ForwardLunge, analysis.Exercise);
        Assert.All(analysis.Reps, r => Assert.Equal(Side.Left, r.Side));
    }

    [Fact]
    public void Single_leg_squats_stay_single_leg_squats_because_the_free_ankle_moves_with_the_hips()
    {
        var frames = Session.Build(3, SyntheticSession.Squat(_ => Side.Left, 100, 0));
        var analysis = SessionAnalyzer.Analyze(frames, Auto);
        Assert.Equal(Exercise.SingleLegSquat, analysis.Exercise);
        Assert.All(analysis.Reps, r => Assert.Null(r.BothKnees));
    }

    /// <summary>
    /// How far each ankle follows the hips decides whether its foot is down: the model's standing ankle on the rendered
    /// single-leg squats drifts 0.14–0.22 px per px of hip travel, the free one 0.83–0.94. A free foot held dead still
    /// in the air would read as a rear foot on the floor: the ankles alone cannot tell them apart, the motion can.
    /// </summary>
    [Theory]
    [InlineData(0.2, 0.85, FeetStance.OneFootLifted)]
    [InlineData(0.2, 0.6, FeetStance.OneFootLifted)]
    [InlineData(0.2, 0.4, FeetStance.Split)]
    [InlineData(0.0, -0.15, FeetStance.Split)] // a rear heel rising as the hips sink
    public void A_foot_is_down_when_its_ankle_does_not_follow_the_hips(double stanceSlope, double otherSlope, FeetStance expected)
    {
        var frames = Session.Build(2, (_, phase) => new SyntheticBody
        {
            DepthPx = 100 * phase,
            LeftAnkleLiftPx = -stanceSlope * 100 * phase,
            RightAnkleLiftPx = 150 - (otherSlope * 100 * phase),
        });
        var analysis = SessionAnalyzer.Analyze(frames, Auto with { Exercise = Exercise.DoubleLegSquat });
        Assert.Equal(2, analysis.Reps.Length);
        Assert.All(analysis.Reps, r => Assert.Equal(expected, r.BothKnees!.Feet));
    }

    [Fact]
    public void Feet_of_a_rep_per_frame_measures()
    {
        // Right ankle 80 px lower than the left on a 480 px leg scale (the right leg's hip-to-ankle): 16.7 % lower.
        var frame = new SyntheticBody { RightAnkleLiftPx = -80 }.Frame();
        var reference = StandingReference.FromFrames([frame], 0.5);
        var feet = FeetPlacement.Measure(frame, reference, 0.5)!.Value;
        Assert.Equal(80.0 / 480 * 100, feet.RightLowerPct, 6);
        Assert.Equal(100.0 / 480 * 100, feet.AnkleGapXPct, 6);

        // Standing straight, each shank is as tall in the image as its standing length.
        Assert.Equal(1.0, feet.LeftShankUpright!.Value, 6);
        Assert.Equal(1.0, feet.RightShankUpright!.Value, 6);
        Assert.Null(FeetPlacement.Measure(new SyntheticBody().Hide(BodyLandmark.LeftAnkle).Frame(), reference, 0.5));
    }

    [Theory]
    [InlineData(0.0, 0.9, 0.9, FeetStance.SideBySide, null)]
    [InlineData(15.0, 0.9, 0.9, FeetStance.Split, Side.Right)] // right ankle lower: right ahead
    [InlineData(-15.0, 0.9, 0.9, FeetStance.Split, Side.Left)]
    [InlineData(0.0, 0.9, 0.1, FeetStance.Split, Side.Left)] // right shank flat: right is behind
    [InlineData(11.0, 0.7, 0.5, FeetStance.SideBySide, null)] // staggered a little, shanks alike: a squat
    [InlineData(15.0, 0.9, 0.1, FeetStance.Split, null)] // the lower foot and the upright shank disagree
    public void Split_stance_and_lead_leg_from_ankle_height_and_shank_uprightness(double rightLowerPct, double leftUpright, double rightUpright, FeetStance stance, Side? lead)
    {
        var feet = FeetPlacement.Split(new FeetFrame(25, rightLowerPct, leftUpright, rightUpright));
        Assert.Equal(stance, feet.Stance);
        Assert.Equal(lead, feet.Lead);
        Assert.Equal(lead is null && stance == FeetStance.Split, feet.Note is not null);
    }

    [Fact]
    public void Most_reps_decide_and_a_lifted_foot_in_as_many_reps_keeps_the_single_leg_analysis()
    {
        var side = new RepFeet(FeetStance.SideBySide, null, null, null);
        var split = new RepFeet(FeetStance.Split, Side.Left, null, null);
        var lifted = new RepFeet(FeetStance.OneFootLifted, null, null, "x");
        Assert.Equal(Exercise.DoubleLegSquat, FeetPlacement.BothFeetExercise([side, side, lifted]));
        Assert.Equal(Exercise.ForwardLunge, FeetPlacement.BothFeetExercise([split, split, side]));
        Assert.Null(FeetPlacement.BothFeetExercise([side, lifted]));
        Assert.Null(FeetPlacement.BothFeetExercise([RepFeet.Unknown("no ankles")]));
        Assert.Null(FeetPlacement.BothFeetExercise([]));
    }

    [Fact]
    public void Verdict_wording_of_both_knees()
    {
        var squat = new BothKneesMeasures(FeetStance.SideBySide, null, 12.2, 5.1, 13, 6, 25, null);
        Assert.Equal("Left knee caved in 12° at the bottom, 7° more than the right (5°) — above your 10° limit.", BothKneesVerdict.Squat(squat, 10));
        var equal = squat with { LeftFppaAtBottomDeg = 6.2, RightFppaAtBottomDeg = 6.4 };
        Assert.Equal("Both knees caved in about equally at the bottom (left 6°, right 6°) — within your 10° limit.", BothKneesVerdict.Squat(equal, 10));
        var bowed = squat with { LeftFppaAtBottomDeg = -3.4, RightFppaAtBottomDeg = -0.2 };
        Assert.Equal("Both knees stayed over the feet at the bottom (left -3°, right 0°) — within your 10° limit.", BothKneesVerdict.Squat(bowed, 10));
        var oneUnknown = squat with { RightFppaAtBottomDeg = null };
        Assert.Equal("At the bottom: left knee 12°, right knee not measurable; no left–right comparison.", BothKneesVerdict.Squat(oneUnknown, 10));

        Assert.Equal("Right leg in front: the front knee caved in 7° at the bottom — within your 10° limit, but peaked at 11° on the way.", BothKneesVerdict.Lunge(Side.Right, 7.4, 11.2, 10));
        Assert.Equal("Left leg in front: the front knee stayed over the foot at the bottom (-2°) — within your 10° limit.", BothKneesVerdict.Lunge(Side.Left, -2.2, 1, 10));
        Assert.Equal("Which leg was in front could not be told, so the front knee was not measured.", BothKneesVerdict.Lunge(null, null, null, 10));
    }

    [Fact]
    public void Names_parse_and_print()
    {
        Assert.Equal(Exercise.DoubleLegSquat, ExerciseNames.Parse("double-leg-squat"));
        Assert.Equal(Exercise.ForwardLunge, ExerciseNames.Parse("forward-lunge"));
        Assert.Null(ExerciseNames.Parse("lunge"));
        Assert.Equal("double-leg-squat", Exercise.DoubleLegSquat.ToName());
        Assert.Equal("forward lunge", Exercise.ForwardLunge.ToTitle());
    }
}
