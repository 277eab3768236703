using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class ExerciseTests
{
    private static readonly SyntheticSession Session = new() { NoisePx = 1, Seed = 5 };

    /// <summary>Single-leg hinges on the right leg: trunk to 70° forward, hip 20 px down.</summary>
    private static List<PoseFrame> Hinges(int reps) =>
        Session.Build(reps, (_, phase) => SyntheticBody.OnLeg(Side.Right) with { TrunkFlexionDeg = 70 * phase, DepthPx = 20 * phase });

    /// <summary>
    /// Hip hitches standing on the right leg on a step: the free (left) foot hangs 60 px below the stance foot and
    /// rises with the pelvis, the left hip rises 12 px over 100 px (6.84°) and holds at the top.
    /// </summary>
    private static List<PoseFrame> Hitches(int reps) =>
        new SyntheticSession { NoisePx = 0.5, Seed = 9, RepSeconds = 4 }.Build(reps, (_, phase) =>
        {
            // Flatten the top of the cosine so the top is held: anything above 0.8 counts as fully up.
            double lift = Math.Min(1, phase / 0.8);
            return new SyntheticBody { LeftAnkleLiftPx = -60 + (12 * lift), LeftHipDropPx = -12 * lift };
        });

    [Fact]
    public void Hinge_reps_come_from_trunk_flexion()
    {
        var analysis = SessionAnalyzer.Analyze(Hinges(3), AnalysisSettings.Default with { Exercise = Exercise.Hinge });
        Assert.Equal(3, analysis.Reps.Length);
        Assert.All(analysis.Reps, r => Assert.InRange(r.PeakTrunkFlexionDeg!.Value, 68, 72));
        Assert.All(analysis.Reps, r => Assert.Equal(Side.Right, r.Side));
        Assert.Contains("at the deepest hinge", analysis.Reps[0].Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Hinge_reps_without_world_landmarks_come_from_the_trunk_shortening_in_the_image()
    {
        var frames = Hinges(3).Select(f => f with { WorldLandmarks = [] }).ToList();
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { Exercise = Exercise.Hinge });
        Assert.Equal(3, analysis.Reps.Length);

        // acos(cos 70°) = 70°, give or take the ±1 px noise on a 300 px trunk.
        Assert.All(analysis.Reps, r => Assert.InRange(r.PeakTrunkFlexionDeg!.Value, 66, 74));
    }

    [Fact]
    public void Auto_recognises_hinges_and_squats()
    {
        Assert.Equal(Exercise.Hinge, SessionAnalyzer.Analyze(Hinges(2), AnalysisSettings.Default).Exercise);
        var squats = Session.Build(2, SyntheticSession.Squat(_ => Side.Left, 100, 0));
        var analysis = SessionAnalyzer.Analyze(squats, AnalysisSettings.Default);
        Assert.Equal(Exercise.SingleLegSquat, analysis.Exercise);
        Assert.StartsWith("detected:", analysis.ExerciseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hip_hitch_gives_pelvic_range_and_top_hold_time()
    {
        var analysis = SessionAnalyzer.Analyze(Hitches(2), AnalysisSettings.Default with { Exercise = Exercise.HipHitch });
        Assert.Equal(2, analysis.Reps.Length);
        foreach (var rep in analysis.Reps)
        {
            // The stance foot is the still one, even though the free foot hangs lower.
            Assert.Equal(Side.Right, rep.Side);
            var hitch = rep.HipHitch!;

            // From level (0°) to 12 px over 100 px: atan(0.12) = 6.84°; ±0.5 px noise on each hip moves each
            // extreme by up to atan(1/100) = 0.57°, the range by up to 1.15°.
            Assert.InRange(hitch.PelvicDropRangeDeg!.Value, 6.84 - 1.15, 6.84 + 1.15);
            Assert.InRange(hitch.TopElevationDeg!.Value, 6.84 - 0.5, 6.84 + 0.5);

            // Within 1.5° of the 6.84° top means lift ≥ 0.78, i.e. phase ≥ 0.624: the raised cosine is above that for
            // 1 − 2·acos(−0.248)/2π = 42 % of the 4 s rep = 1.68 s (noise blurs the edges).
            Assert.InRange(hitch.TopHoldSeconds, 1.4, 2.2);
        }
    }

    [Fact]
    public void Auto_recognises_a_hip_hitch()
    {
        Assert.Equal(Exercise.HipHitch, SessionAnalyzer.Analyze(Hitches(2), AnalysisSettings.Default).Exercise);
    }

    /// <summary>
    /// A drop jump: 1 s on a 150 px box (feet and body up), 0.25 s of flight, landing with both knees caving in,
    /// 60 px deep, then standing up again.
    /// </summary>
    private static List<PoseFrame> DropJump(double kneeMedialPx)
    {
        var frames = new List<PoseFrame>();
        for (int i = 0; i <= 90; i++)
        {
            double t = i / 30.0;
            SyntheticBody body;
            if (t < 1.0)
            {
                body = new SyntheticBody { HipY = 250, LeftAnkleLiftPx = 150, RightAnkleLiftPx = 150 };
            }
            else if (t < 1.25)
            {
                double fall = (t - 1.0) / 0.25;
                body = new SyntheticBody { HipY = 250 + (150 * fall), LeftAnkleLiftPx = 150 * (1 - fall) + 10, RightAnkleLiftPx = 150 * (1 - fall) + 10 };
            }
            else
            {
                double phase = Math.Sin(Math.PI * Math.Min(1, (t - 1.25) / 1.0));
                body = new SyntheticBody { DepthPx = 60 * phase, LeftKneeMedialPx = kneeMedialPx * phase, RightKneeMedialPx = kneeMedialPx * phase };
            }

            frames.Add(body.Frame(i, t));
        }

        return frames;
    }

    [Fact]
    public void Drop_jump_finds_initial_contact_and_peak_flexion_for_both_knees()
    {
        var analysis = SessionAnalyzer.Analyze(DropJump(25), AnalysisSettings.Default with { Exercise = Exercise.DropJump });
        var rep = Assert.Single(analysis.Reps);
        var landing = rep.Landing!;
        Assert.Null(rep.Side);

        // Contact: the first frame after the flight (t = 1.25 s, frame 38 at 30 fps rounds up to 1.2667 s).
        Assert.InRange(landing.InitialContactTimeSeconds, 1.24, 1.30);

        // Peak flexion at the sine's top, t = 1.75 s.
        Assert.InRange(landing.PeakFlexionTimeSeconds, 1.7, 1.8);

        // At the bottom: hip 460, ankle 800 → half-leg 170 px; 25 px medial → 2·atan(25/170) = 16.7°.
        Assert.Equal(2 * Math.Atan(25.0 / 170) * 180 / Math.PI, landing.LeftFppaAtPeakFlexionDeg!.Value, 1);
        Assert.Equal(landing.LeftFppaAtPeakFlexionDeg!.Value, landing.RightFppaAtPeakFlexionDeg!.Value, 3);

        // Knees 100 − 2·25 = 50 px apart over ankles 100 px apart (the nearest frame is 1/60 s off the sine's top).
        Assert.Equal(0.5, landing.SeparationRatioAtPeakFlexion!.Value, 2);
        Assert.Contains(analysis.Events, e => e.Side == Side.Left);
        Assert.Contains(analysis.Events, e => e.Side == Side.Right);
        Assert.Contains("left and right above your 10° limit", rep.Verdict, StringComparison.Ordinal);
        Assert.Equal(1, analysis.Summary.Left.RepCount);
        Assert.Equal(1, analysis.Summary.Right.RepCount);
    }

    [Fact]
    public void Auto_recognises_a_drop_jump()
    {
        Assert.Equal(Exercise.DropJump, SessionAnalyzer.Analyze(DropJump(0), AnalysisSettings.Default).Exercise);
    }

    [Fact]
    public void Auto_says_when_it_cannot_decide()
    {
        // Standing still on one leg: nothing moves enough for any exercise.
        var frames = new SyntheticSession { NoisePx = 1 }.Build(2, (_, _) => SyntheticBody.OnLeg(Side.Right));
        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default);
        Assert.StartsWith("undecided", analysis.ExerciseReason, StringComparison.Ordinal);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("Could not tell the exercise", StringComparison.Ordinal));
    }
}
