using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class VerdictAndSummaryTests
{
    private static Rep Rep(Side? side, double? fppaAtBottom, double? peakFppa, double? hipShift, params string[] issues) => new(
        0, Exercise.SingleLegSquat, side, 1, 2, 3, 30, 60, 90, 25, fppaAtBottom, peakFppa, 3, hipShift, 2, null, 4, 5, 1, 10, 0.7,
        [], new RepQuality(0.9f, 3, 30, [.. issues]), null, null, string.Empty);

    [Fact]
    public void Verdict_reads_like_the_issue_example()
    {
        Assert.Equal(
            "Right knee caved in 14° at the bottom — above your 10° limit — and your hip shifted out 6% of leg length.",
            RepVerdict.Write(Rep(Side.Right, 14.2, 14.6, 6.1), AnalysisSettings.Default));
    }

    [Fact]
    public void Verdict_within_the_limit_and_varus_and_peak_on_the_way()
    {
        Assert.Equal(
            "Left knee caved in 6° at the bottom — within your 10° limit — and your hip stayed over your foot.",
            RepVerdict.Write(Rep(Side.Left, 6, 7, 0.2), AnalysisSettings.Default));
        Assert.Equal(
            "Left knee bowed out 4° at the bottom (no valgus), and your hip shifted out 3% of leg length.",
            RepVerdict.Write(Rep(Side.Left, -4, 1, 3), AnalysisSettings.Default));
        Assert.Equal(
            "Right knee stayed straight (0°) at the bottom — within your 10° limit — and your hip shifted out 8% of leg length.",
            RepVerdict.Write(Rep(Side.Right, -0.04, 0.4, 7.8), AnalysisSettings.Default));
        Assert.Equal(
            "Right knee caved in 8° at the bottom — within your 12° limit but peaked at 13° on the way — and your hip shifted out 2% of leg length.",
            RepVerdict.Write(Rep(Side.Right, 8, 13, 2), AnalysisSettings.Default with { ValgusThresholdDeg = 12 }));
    }

    [Fact]
    public void Verdict_says_when_the_angle_could_not_be_measured_and_why_to_be_careful()
    {
        Assert.Equal(
            "Right knee angle could not be measured at the bottom, and your hip shifted out 5% of leg length. Treat with caution: the video ran at only 15 frames per second.",
            RepVerdict.Write(Rep(Side.Right, null, null, 5, "the video ran at only 15 frames per second"), AnalysisSettings.Default));
    }

    [Fact]
    public void Metric_stats_are_mean_sample_sd_and_worst()
    {
        // 10, 12, 14: mean 12, sample SD √((4 + 0 + 4)/2) = 2, worst 14; nulls are skipped.
        var stats = MetricStats.Of([10, null, 14, 12]);
        Assert.Equal(new MetricStats(3, 12, 2, 14), stats);
        Assert.Equal(new MetricStats(1, 5, null, 5), MetricStats.Of([5]));
        Assert.Equal(MetricStats.Empty, MetricStats.Of([null]));
    }

    [Fact]
    public void Summary_splits_by_side_and_reports_asymmetry()
    {
        var reps = new[]
        {
            Rep(Side.Left, 6, 7, 2) with { Index = 0 },
            Rep(Side.Right, 12, 13, 5) with { Index = 1 },
            Rep(Side.Left, 8, 9, 4) with { Index = 2 },
            Rep(Side.Right, 14, 15, 7) with { Index = 3 },
        };
        var events = ImmutableArray.Create(new ValgusEvent(Side.Right, 1, 1.5, 30, 45, 13, 1.2, 1), new ValgusEvent(Side.Right, 4, 4.5, 120, 135, 15, 4.2, 3));
        var summary = SessionSummarizer.Summarize(Exercise.SingleLegSquat, reps, events, 30, 10);

        Assert.Equal(2, summary.Left.RepCount);
        Assert.Equal(new MetricStats(2, 7, Math.Sqrt(2), 8), summary.Left.FppaAtBottom);
        Assert.Equal(new MetricStats(2, 13, Math.Sqrt(2), 14), summary.Right.FppaAtBottom);
        Assert.Equal(2, summary.Right.EventCount);
        Assert.Equal(0, summary.Left.EventCount);

        // Right − left: 13 − 7 = 6° FPPA, 6 − 3 = 3 % hip shift.
        Assert.Equal(6, summary.Asymmetry.FppaAtBottomDiffDeg!.Value, 9);
        Assert.Equal(3, summary.Asymmetry.PeakHipShiftDiffPct!.Value, 9);
        Assert.Equal(Side.Right, summary.Asymmetry.WorseSide);
    }

    [Fact]
    public void Settings_that_make_no_sense_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => (AnalysisSettings.Default with { RepEndDepthPct = 6 }).Validate());
        Assert.Equal("RepEndDepthPct", error.ParamName);
        Assert.Throws<ArgumentException>(() => (AnalysisSettings.Default with { HeightCm = 5 }).Validate());
    }
}
