using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>
/// The double-leg squat in the reports: the synthetic squat with its right foot put down beside the left (ankle at
/// the mirror of the left one, knee halfway between hip and ankle, caving in 6 px at the bottom), analysed with
/// --exercise auto.
/// </summary>
public class BothKneesReportTests
{
    private static AnalysisReport DoubleSquat()
    {
        var (report, _, poses) = SyntheticReport.Build(withImages: false, alter: (_, pose) => BothFeetDown(pose));
        var analysis = SessionAnalyzer.Analyze(poses, AnalysisSettings.Default);
        return report with { Analysis = analysis };
    }

    private static PoseFrame BothFeetDown(PoseFrame pose)
    {
        var left = pose[BodyLandmark.LeftAnkle];
        var hip = pose[BodyLandmark.RightHip];
        double depth = (pose[BodyLandmark.LeftHip].Y - 300) / 110.0;

        // Mirror of the left ankle about the image centre (x 640 at 1280 px wide).
        var ankle = left with { X = 1280 - left.X };
        var knee = left with { X = (float)(((hip.X + ankle.X) / 2) + (6 * depth)), Y = (hip.Y + ankle.Y) / 2 };
        var landmarks = pose.Landmarks.ToBuilder();
        landmarks[(int)BodyLandmark.RightAnkle] = ankle;
        landmarks[(int)BodyLandmark.RightKnee] = knee;
        landmarks[(int)BodyLandmark.RightHeel] = ankle with { Y = ankle.Y + 18 };
        landmarks[(int)BodyLandmark.RightFootIndex] = ankle with { Y = ankle.Y + 35 };
        return pose with { Landmarks = landmarks.ToImmutable() };
    }

    [Fact]
    public void Auto_analyses_it_as_a_double_leg_squat()
    {
        var analysis = DoubleSquat().Analysis;
        Assert.Equal(Exercise.DoubleLegSquat, analysis.Exercise);
        Assert.Equal(3, analysis.Reps.Length);
        Assert.All(analysis.Reps, r => Assert.Equal(FeetStance.SideBySide, r.BothKnees!.Feet));
    }

    [Fact]
    public void Report_json_has_both_knees_and_validates_against_its_schema()
    {
        var report = DoubleSquat();
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        var results = ReportJsonTests.Schema.Value.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("double-leg-squat", json["exercise"]!.GetValue<string>());
        var reps = json["reps"]!.AsArray();
        for (int i = 0; i < reps.Count; i++)
        {
            var knees = report.Analysis.Reps[i].BothKnees!;
            var written = reps[i]!["bothKnees"]!;
            Assert.Equal("side-by-side", written["feet"]!.GetValue<string>());
            Assert.Null(written["leadLeg"]);
            Assert.Equal(Math.Round(knees.LeftFppaAtBottomDeg!.Value, 3), written["leftFppaAtBottomDeg"]!.GetValue<double>(), 6);
            Assert.Equal(Math.Round(knees.RightFppaAtBottomDeg!.Value, 3), written["rightFppaAtBottomDeg"]!.GetValue<double>(), 6);
            Assert.Equal(Math.Round(knees.DifferenceDeg!.Value, 3), written["differenceDeg"]!.GetValue<double>(), 6);
            Assert.Null(reps[i]!["side"]);
        }
    }

    [Fact]
    public void Reps_csv_has_both_knees_columns()
    {
        var report = DoubleSquat();
        var text = new StringWriter();
        RepsCsvWriter.Write(report.Analysis.Reps, text);
        var rows = RepsCsvTests.Parse(text.ToString());
        var header = rows[0];
        foreach (var column in new[] { "both_feet", "both_left_fppa_deg", "both_right_fppa_deg", "both_difference_deg", "lead_leg" })
        {
            Assert.Contains(column, header);
        }

        var rep = report.Analysis.Reps[0];
        var row = rows[1];
        Assert.Equal("side-by-side", row[header.IndexOf("both_feet")]);
        Assert.Equal(rep.BothKnees!.LeftFppaAtBottomDeg!.Value, double.Parse(row[header.IndexOf("both_left_fppa_deg")], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(string.Empty, row[header.IndexOf("lead_leg")]);
    }

    [Fact]
    public void Rep_table_shows_both_knees_and_the_verdict_names_the_worse_one()
    {
        var report = DoubleSquat();
        var rep = report.Analysis.Reps[2];
        var cells = RepTable.Cells(rep);
        Assert.Equal("both", cells[1]);
        Assert.Equal($"L {ReportText.Deg(rep.BothKnees!.LeftFppaAtBottomDeg)} · R {ReportText.Deg(rep.BothKnees.RightFppaAtBottomDeg)}", cells[4]);

        // Left knee shifted 11.5 px, right 6 px at the bottom: the left caves in more.
        Assert.StartsWith("Left knee caved in ", rep.Verdict, StringComparison.Ordinal);
        Assert.Contains("more than the right", rep.Verdict, StringComparison.Ordinal);
        Assert.Contains("left knee", RepTable.Caption(rep, report.Analysis), StringComparison.Ordinal);

        // The report's sentence says the same with the table's numbers.
        var words = RepWords.Verdict(rep, report.Analysis.Settings);
        Assert.Contains("left knee " + RepWords.Knee(rep.BothKnees.LeftFppaAtBottomDeg, report.Analysis.Settings), words, StringComparison.Ordinal);
        Assert.Contains("The left knee caved in more than the right", words, StringComparison.Ordinal);
    }
}
