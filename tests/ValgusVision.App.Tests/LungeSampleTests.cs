using ValgusVision.Tests.Support;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.App.Tests;

/// <summary>
/// The weight-bearing lunge test on the rendered side-view samples (samples/README.md, "Lunge samples"), analysed
/// exactly as <c>valgus analyze --exercise ankle-lunge</c> does, against the true sagittal tibial angle at each
/// attempt's peak frame. Guards: the tested side, the attempts, heel lift where the truth has it and nowhere else,
/// the verdicts, the best attempt within the issue's 2° of truth (body B, held out: within its recorded error + 1°),
/// and the angle errors recorded in samples/README.md (+1°, as for FPPA).
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class LungeSampleTests(PoseEngineFixture engine, ITestOutputHelper output) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    // clip, tested side, attempt with heel lift (0 = none), verdict, recorded largest |error| of a heel-down attempt
    // (the shank's silhouette axis, the default --refine mask; 1.1° of the left clip's comes from the camera's low
    // upward view, which shows its 42° shank at 40.9°), how far the best attempt may be from its truth
    [InlineData("lunge-left-42", Side.Left, 0, AnkleVerdict.WithinNormal, 2.4, 2.0)]
    [InlineData("lunge-right-30-heellift", Side.Right, 3, AnkleVerdict.Restricted, 0.6, 2.0)]
    // body B, held out (docs/accuracy.md, "Lunge on body B"): it misses the 2°, best attempt −2.7° (recorded + 1°)
    [InlineData("lunge-right-30-heellift-bodyb", Side.Right, 3, AnkleVerdict.Restricted, 3.1, 3.7)]
    public async Task Lunge_sample_gives_the_tested_side_its_attempts_heel_lift_and_verdict(
        string clip, Side side, int heelLiftAttempt, AnkleVerdict verdict, double recordedMaxErrorDeg, double bestWithinDeg)
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", clip + ".mp4");
        var truth = TruthTable.Read(Path.Combine(TestPaths.RepoRoot, "samples", clip + ".truth.csv"));
        var paths = new OutputPaths(_dir.File("out"), clip);
        using var job = new AnalysisJob(
            new AnalyzeOptions
            {
                OutputDirectory = paths.Directory,
                Formats = OutputFormats.Json,
                Settings = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge },
            },
            engine.Create);

        var report = await job.RunAsync(video, paths, null, CancellationToken.None);

        var ankle = Assert.IsType<AnkleLungeResult>(report.Analysis.Ankle);
        Assert.Null(ankle.For(side.Opposite()));
        var tested = Assert.IsType<AnkleSideResult>(ankle.For(side));
        Assert.Equal(3, tested.Attempts.Length);
        Assert.Equal(verdict, tested.Verdict);
        Assert.True(ankle.SideViewDeg > 75, $"{clip}: side view {ankle.SideViewDeg:F1}° from frontal");

        // batch's summary.csv: one row for the tested leg with its lunge numbers.
        var row = Assert.Single(SummaryRow.From(report, clip));
        Assert.Equal(side.ToName(), row.Side);
        Assert.Equal(verdict.ToName(), row.AnkleVerdict);
        Assert.Equal(heelLiftAttempt == 0 ? 0 : 1, row.AnkleHeelLifts);

        var errors = new List<double>();
        foreach (var attempt in tested.Attempts)
        {
            int frame = report.Analysis.Frames[attempt.PeakFrame].FrameIndex;
            int truthAttempt = int.Parse(truth.Text(frame, "attempt"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(attempt.Number, truthAttempt);
            Assert.Equal(attempt.Number == heelLiftAttempt, attempt.HeelLift);
            double truthDeg = truth.Value(frame, "tibia_deg");
            output.WriteLine(FormattableString.Invariant(
                $"{clip} attempt {attempt.Number}: peak frame {frame}, {attempt.InclinationDeg:F2}° vs truth {truthDeg:F2}° (image {truth.Value(frame, "tibia_image_deg"):F2}°), heel lift {attempt.HeelLift} (heel +{attempt.MaxHeelRisePct:F1} %, ankle +{attempt.MaxAnkleRisePct:F1} % of foot; true lift {truth.Value(frame, "heel_lift_mm"):F1} mm)"));
            if (!attempt.HeelLift)
            {
                Assert.NotNull(attempt.InclinationDeg);
                errors.Add(attempt.InclinationDeg!.Value - truthDeg);
            }
            else
            {
                Assert.Null(attempt.InclinationDeg);
            }
        }

        var best = tested.Attempts.Single(a => a.Number == tested.BestAttemptNumber);
        double bestTruthDeg = truth.Value(report.Analysis.Frames[best.PeakFrame].FrameIndex, "tibia_deg");
        Assert.InRange(tested.BestInclinationDeg!.Value, bestTruthDeg - bestWithinDeg, bestTruthDeg + bestWithinDeg);

        double maxAbs = errors.Max(Math.Abs);
        output.WriteLine(FormattableString.Invariant($"{clip}: best {tested.BestInclinationDeg:F2}°, largest |error| {maxAbs:F2}°, bias {errors.Average():+0.00;-0.00}°"));
        Assert.True(maxAbs <= recordedMaxErrorDeg + 1.0,
            FormattableString.Invariant($"{clip}: largest |tibial angle error| {maxAbs:F2}° grew beyond the recorded {recordedMaxErrorDeg:F1}° + 1°"));
    }

    /// <summary>
    /// With <c>--exercise auto</c> the poses are first made with the recorded frontal default (flip averaging); once the
    /// motion shows the lunge test they are made again without it, so auto and the named exercise give the same angles,
    /// and the report names the set-up that made them.
    /// </summary>
    [Fact]
    public async Task Auto_reads_the_lunge_test_as_the_named_exercise_does()
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "lunge-left-42.mp4");
        using var named = new AnalysisJob(new AnalyzeOptions { Settings = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge } }, engine.Create);
        using var auto = new AnalysisJob(new AnalyzeOptions(), engine.Create);

        var byName = await Measure(named, video);
        var byMotion = await Measure(auto, video);

        Assert.Equal(Exercise.AnkleLunge, byMotion.Analysis.Exercise);
        Assert.False(byName.Session.Levers.FlipAveraging);
        Assert.False(byMotion.Session.Levers.FlipAveraging);
        var expected = byName.Analysis.Ankle!.For(Side.Left)!.Attempts.Select(a => a.InclinationDeg);
        var actual = byMotion.Analysis.Ankle!.For(Side.Left)!.Attempts.Select(a => a.InclinationDeg);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_frontal_squat_keeps_the_flip_averaged_poses()
    {
        using var auto = new AnalysisJob(new AnalyzeOptions(), engine.Create);
        var squat = await Measure(auto, Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4"));
        Assert.Equal(Exercise.SingleLegSquat, squat.Analysis.Exercise);
        Assert.True(squat.Session.Levers.FlipAveraging);
    }

    private static async Task<PoseMeasurement> Measure(AnalysisJob job, string video)
    {
        using var source = Video.FrameSources.Open(video);
        return await job.MeasureAsync(video, source, new StageTimes(), null, CancellationToken.None);
    }
}
