using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App;

/// <summary>
/// One line of a batch's summary.csv: one video and one side (a video with reps on both legs has two lines; a video
/// without reps, or one that failed, has one line with an empty side).
/// </summary>
/// <param name="Status">ok, incomplete (damaged file, readable part analysed), no-person, or failed.</param>
/// <param name="Quality">"good", or the first reason its numbers need a second look.</param>
/// <param name="AnkleBestDeg">Lunge test (ankle-lunge): the side's best tibial inclination with the heel down.</param>
/// <param name="AnkleAttempts">Lunge test: the side's attempts.</param>
/// <param name="AnkleHeelLifts">Lunge test: the side's attempts with heel lift.</param>
/// <param name="AnkleVerdict">Lunge test: restricted, within-normal or not-measured.</param>
/// <param name="AnkleDifferenceDeg">Lunge test: left best minus right best, when both legs were tested in this video.</param>
public sealed record SummaryRow(
    string Input,
    string Status,
    string? Exercise,
    string? Side,
    int Reps,
    double? FppaAtBottomMeanDeg,
    double? FppaAtBottomSdDeg,
    double? FppaAtBottomWorstDeg,
    int Events,
    double? PeakHipShiftMeanPct,
    double? PeakHipShiftWorstPct,
    string Quality,
    int Frames,
    string Error,
    double? AnkleBestDeg = null,
    int AnkleAttempts = 0,
    int AnkleHeelLifts = 0,
    string? AnkleVerdict = null,
    double? AnkleDifferenceDeg = null)
{
    /// <summary>This side's reps (the video's, on a line without a side) whose knee angle at the bottom was not measured.</summary>
    public int RepsNotMeasured { get; init; }

    /// <summary>Why (<see cref="NotMeasuredReason"/> in words); null when all was measured. Then <see cref="Events"/> is not a count of zero but unknown.</summary>
    public string? NotMeasuredReason { get; init; }

    /// <summary>Most people the pose detector saw in one frame of the video; null when it never looked for them.</summary>
    public int? PeopleSeen { get; init; }

    public static SummaryRow Failed(string input, string error) =>
        new(input, "failed", null, null, 0, null, null, null, 0, null, null, "", 0, error);

    public static IReadOnlyList<SummaryRow> From(InputReport report, string inputName)
    {
        var analysis = report.Analysis;
        string status = report.FramesWithPose == 0 ? "no-person" : report.Incomplete ? "incomplete" : "ok";
        var rows = new List<SummaryRow>(2);
        if (analysis.Ankle is { } ankle)
        {
            foreach (var side in new[] { Domain.Pose.Side.Left, Domain.Pose.Side.Right })
            {
                if (ankle.For(side) is { } a)
                {
                    rows.Add(new SummaryRow(
                        inputName, status, analysis.Exercise.ToName(), side.ToName(), 0, null, null, null, 0, null, null,
                        report.Warnings.Count > 0 ? report.Warnings[0] : "good", report.FramesAnalysed, "",
                        a.BestInclinationDeg, a.Attempts.Length, a.HeelLiftAttempts, Domain.Ankle.AnkleVerdictNames.ToName(a.Verdict), ankle.DifferenceDeg));
                }
            }
        }

        foreach (var side in new[] { Domain.Pose.Side.Left, Domain.Pose.Side.Right })
        {
            var s = analysis.Summary.For(side);
            if (s.RepCount == 0)
            {
                continue;
            }

            int notMeasured = 0;
            foreach (var rep in analysis.Reps)
            {
                notMeasured += (rep.Side == side || (rep.Side is null && rep.Landing is not null)) && rep.NotMeasured is not null ? 1 : 0;
            }

            rows.Add(new SummaryRow(
                inputName, status, analysis.Exercise.ToName(), side.ToName(), s.RepCount,
                s.FppaAtBottom.Mean, s.FppaAtBottom.StandardDeviation, s.FppaAtBottom.Worst, s.EventCount,
                s.PeakHipShift.Mean, s.PeakHipShift.Worst, QualityOf(report, side), report.FramesAnalysed, "")
            {
                RepsNotMeasured = notMeasured,
                NotMeasuredReason = notMeasured > 0 ? analysis.Summary.NotMeasured?.Describe() : null,
                PeopleSeen = analysis.Summary.PeopleSeen,
            });
        }

        if (rows.Count == 0)
        {
            rows.Add(new SummaryRow(
                inputName, status, analysis.Exercise.ToName(), null, analysis.Reps.Length, null, null, null, analysis.Summary.EventCount, null, null,
                QualityOf(report, null), report.FramesAnalysed, "")
            {
                RepsNotMeasured = analysis.Summary.RepsNotMeasured,
                NotMeasuredReason = analysis.Summary.NotMeasured?.Describe(),
                PeopleSeen = analysis.Summary.PeopleSeen,
            });
        }

        return rows;
    }

    private static string QualityOf(InputReport report, Domain.Pose.Side? side)
    {
        foreach (var rep in report.Analysis.Reps)
        {
            if ((side is null || rep.Side == side) && !rep.Quality.IsTrusted)
            {
                return rep.Quality.Issues[0];
            }
        }

        return report.Warnings.Count > 0 ? report.Warnings[0] : "good";
    }
}
