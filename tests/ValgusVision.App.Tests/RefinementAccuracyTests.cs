using ValgusVision.Tests.Support;
using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using Xunit.Abstractions;

namespace ValgusVision.App.Tests;

/// <summary>
/// The joint-centre refinement against exact truth, end to end: each clip analysed with <c>--refine none</c> and
/// <c>--refine mask</c>, FPPA error at the rep bottoms and the stance knee's and ankle's pixel error over the reps.
/// The bundled frontal samples are asserted; set VALGUS_EVAL_DIR to a folder of rendered clips with truth CSVs
/// (samples/generator/make_eval_set.sh) to measure the widened set too (reported, not asserted). Measured 2026-11-26
/// on 19 frontal clips (yaw ≤ 10°): mean |FPPA error| at the bottoms 1.48° (none) → 1.00° (mask), worst rep
/// 4.41° → 2.91°, mean bias −0.39° → 0.00°; the trouser clips keep the model's points (guards).
/// </summary>
[Collection(PoseEngineCollection.Name)]
public sealed class RefinementAccuracyTests(PoseEngineFixture engine, ITestOutputHelper output) : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Body B's samples, held out: no refinement setting was chosen on them (docs/accuracy.md, "Held-out body B").</summary>
    public static TheoryData<string> HeldOutSamples() => Frontal(heldOut: true);

    private static TheoryData<string> Frontal(bool heldOut)
    {
        var clips = new TheoryData<string>();
        foreach (string clip in FrontalClips(heldOut))
        {
            clips.Add(clip);
        }

        return clips;
    }

    private static List<string> FrontalClips(bool heldOut) =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "samples"), "sls-*.mp4").Order(StringComparer.Ordinal)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(clip => clip!)
            .Where(clip => !clip.Contains("yaw", StringComparison.Ordinal) && clip.Contains("bodyb", StringComparison.Ordinal) == heldOut)];

    /// <summary>
    /// Body A's frontal samples with the product's defaults (flip averaging on since 2026-12-07): the refinement helps
    /// on average (2026-12-07: 1.00° → 0.58° MAE at the bottoms over the four samples; valgus15 1.6 → 0.5°, roll0
    /// 1.1 → 0.6°, right-neutral 1.1 → 0.4°) but not on every clip: on roll10 it reads 0.84° against the unrefined
    /// 0.23° (with flip averaging off it was 0.9° against 1.4°). So each clip may cost at most 0.75°, and the set must gain.
    /// </summary>
    [Fact]
    public async Task Mask_refinement_keeps_every_rep_and_helps_the_tuning_body_on_average()
    {
        double none = 0, mask = 0;
        var clips = FrontalClips(heldOut: false);
        Assert.True(clips.Count >= 4, $"{clips.Count} frontal samples of body A");
        foreach (string clip in clips)
        {
            var (plain, refined) = await BothModesWithin(clip, marginDeg: 0.75);
            Assert.True(refined.RefinedStanceKneeFraction > 0.5, $"{clip}: the stance knee was refined in only {refined.RefinedStanceKneeFraction:P0} of rep frames");
            none += plain.MeanAbsErrorDeg;
            mask += refined.MeanAbsErrorDeg;
        }

        Assert.True(mask < none - 0.2 * clips.Count, FormattableString.Invariant($"mean |error| refined {mask / clips.Count:F2}° vs unrefined {none / clips.Count:F2}°"));
    }

    /// <summary>
    /// On the held-out body the refinement is not better: 2026-12-04 it changed nothing at the bottoms of the slim
    /// woman in leggings (1.05° either way, the knee refined in 47 % of rep frames: uneven edges) and added 1.4° on the
    /// heavy man in shorts (3.31° → 4.69°). Recorded, not hidden: it must keep every rep and get no worse than that.
    /// </summary>
    [Theory]
    [MemberData(nameof(HeldOutSamples))]
    public async Task On_the_held_out_body_mask_refinement_keeps_every_rep_and_costs_at_most_what_was_measured(string clip) =>
        _ = await BothModesWithin(clip, marginDeg: 1.5);

    /// <summary>
    /// The clip with <c>--refine none</c> and <c>--refine mask</c>: the same reps, and the refinement's mean absolute
    /// FPPA error at the bottoms at most <paramref name="marginDeg"/> above none's; returns both measurements.
    /// </summary>
    private async Task<(Measurement None, Measurement Mask)> BothModesWithin(string clip, double marginDeg)
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", clip + ".mp4");
        var none = await Measure(video, JointRefinementMode.None);
        var mask = await Measure(video, JointRefinementMode.Mask);
        output.WriteLine(none.ToString());
        output.WriteLine(mask.ToString());

        Assert.Equal(none.Reps, mask.Reps);
        Assert.True(mask.MeanAbsErrorDeg <= none.MeanAbsErrorDeg + marginDeg,
            FormattableString.Invariant($"{clip}: mask {mask.MeanAbsErrorDeg:F2}° vs none {none.MeanAbsErrorDeg:F2}°"));
        return (none, mask);
    }

    [Fact]
    public async Task Yawed_view_bends_the_knee_in_the_image_so_the_guards_keep_the_model_points()
    {
        string video = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-yaw20.mp4");
        var mask = await Measure(video, JointRefinementMode.Mask);
        output.WriteLine(mask.ToString());

        Assert.Equal(3, mask.Reps);
        Assert.True(mask.FlaggedFrames > 0.8 * mask.RepFrames, $"only {mask.FlaggedFrames} of {mask.RepFrames} rep frames flagged");
    }

    /// <summary>The widened set (VALGUS_EVAL_DIR, not in git): measured and reported for docs/accuracy.md, not asserted beyond the rep count.</summary>
    [Fact]
    public async Task Widened_set_is_measured_with_and_without_refinement()
    {
        string? folder = Environment.GetEnvironmentVariable("VALGUS_EVAL_DIR");
        if (folder is null || !Directory.Exists(folder))
        {
            output.WriteLine("VALGUS_EVAL_DIR is not set: nothing to measure beyond the bundled samples");
            return;
        }

        foreach (string video in Directory.GetFiles(folder, "sls-*.mp4").Where(v => File.Exists(Path.ChangeExtension(v, ".truth.csv"))).Order(StringComparer.Ordinal))
        {
            var none = await Measure(video, JointRefinementMode.None);
            var mask = await Measure(video, JointRefinementMode.Mask);
            output.WriteLine(none.ToString());
            output.WriteLine(mask.ToString());
            Assert.Equal(none.Reps, mask.Reps);
        }
    }

    private async Task<Measurement> Measure(string video, JointRefinementMode mode)
    {
        string clip = Path.GetFileNameWithoutExtension(video);
        var truth = TruthTable.Read(Path.ChangeExtension(video, ".truth.csv"));
        var paths = new OutputPaths(_dir.File(clip + "-" + mode.ToName()), clip);
        using var job = new AnalysisJob(
            new AnalyzeOptions { OutputDirectory = paths.Directory, Formats = OutputFormats.Csv, Refine = mode },
            engine.Create);
        var report = await job.RunAsync(video, paths, null, CancellationToken.None);
        var reps = report.Analysis.Reps;
        var poses = FramesCsvReader.Read(paths.FramesCsv);
        var frames = report.Analysis.Frames;

        var errors = new List<double>();
        foreach (var rep in reps)
        {
            string side = truth.Text(rep.BottomFrame, "stance");
            if (rep.FppaAtBottomDeg is { } fppa && side is "left" or "right")
            {
                errors.Add(fppa - truth.Value(rep.BottomFrame, side + "_fppa_deg"));
            }
        }

        var knee = new List<double>();
        var ankle = new List<double>();
        int repFrames = 0, refinedKnee = 0, flagged = 0;
        var issues = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (int f in truth.Frames)
        {
            string side = truth.Text(f, "stance");
            if (f >= poses.Count || truth.Value(f, "rep") == 0 || side is not ("left" or "right") || !poses[f].HasPose)
            {
                continue;
            }

            var stance = side == "left" ? Side.Left : Side.Right;
            repFrames++;

            refinedKnee += poses[f].Refinement.IsRefined(JointRefinement.Knee(stance)) ? 1 : 0;
            flagged += frames[f].Quality.Refinement.KeptOn(stance) ? 1 : 0;
            if (frames[f].Quality.Refinement.Flagged)
            {
                string name = frames[f].Quality.Refinement.Issue.ToName();
                issues[name] = issues.GetValueOrDefault(name) + 1;
            }

            knee.Add(Distance(poses[f][stance.Knee()], truth, f, side + "_knee"));
            ankle.Add(Distance(poses[f][stance.Ankle()], truth, f, side + "_ankle"));
        }

        return new Measurement(
            clip, mode, reps.Length,
            errors.Count > 0 ? errors.Average(Math.Abs) : double.NaN,
            errors.Count > 0 ? errors.Average() : double.NaN,
            errors.Count > 0 ? errors.Max(Math.Abs) : double.NaN,
            Median(knee), Median(ankle),
            repFrames > 0 ? (double)refinedKnee / repFrames : 0,
            flagged, repFrames, string.Join(" ", issues.Select(i => $"{i.Key}:{i.Value}")));
    }

    private static double Distance(Landmark p, TruthTable truth, int frame, string joint) =>
        Math.Sqrt(Math.Pow(p.X - truth.Value(frame, joint + "_x"), 2) + Math.Pow(p.Y - truth.Value(frame, joint + "_y"), 2));

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private sealed record Measurement(
        string Clip, JointRefinementMode Mode, int Reps, double MeanAbsErrorDeg, double BiasDeg, double MaxAbsErrorDeg,
        double KneeMedianPx, double AnkleMedianPx, double RefinedStanceKneeFraction, int FlaggedFrames, int RepFrames, string Issues)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Clip,-40} {Mode.ToName(),-4} reps {Reps}  bottom FPPA |err| {MeanAbsErrorDeg:F2}° bias {BiasDeg:+0.00;-0.00}° max {MaxAbsErrorDeg:F2}°  stance knee {KneeMedianPx:F1} px ankle {AnkleMedianPx:F1} px  knee refined {RefinedStanceKneeFraction:P0}  flagged {FlaggedFrames}/{RepFrames} {Issues}");
    }
}
