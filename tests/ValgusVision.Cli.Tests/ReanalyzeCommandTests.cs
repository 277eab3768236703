using System.CommandLine;
using ValgusVision.Cli.Commands;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Tests;

public sealed class ReanalyzeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "valgus-reanalyze-" + Guid.NewGuid().ToString("N"));

    public ReanalyzeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Three single-leg squats on the right leg at 30 fps: hip 100 px down (25 % of a 400 px leg), right knee
    /// 150·tan 7° px medial at the bottom (≈ 14° FPPA), left foot 100 px off the floor.
    /// </summary>
    private static List<PoseFrame> Squats()
    {
        var frames = new List<PoseFrame>();
        for (int i = 0; i <= 300; i++)
        {
            double t = i / 30.0;
            double local = (t - 1) % 3;
            double phase = t >= 1 && t < 10 && local < 2 ? 0.5 * (1 - Math.Cos(Math.PI * local)) : 0;
            frames.Add(Body(i, t, 100 * phase, 150 * Math.Tan(7 * Math.PI / 180) * phase));
        }

        return frames;
    }

    private static PoseFrame Body(int index, double t, double depth, double kneeMedial)
    {
        var points = new (double X, double Y)[BodyLandmarks.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = (500, 100);
        }

        points[(int)BodyLandmark.RightShoulder] = (420, 100 + depth);
        points[(int)BodyLandmark.LeftShoulder] = (580, 100 + depth);
        points[(int)BodyLandmark.RightHip] = (450, 400 + depth);
        points[(int)BodyLandmark.LeftHip] = (550, 400 + depth);
        points[(int)BodyLandmark.RightAnkle] = (450, 800);
        points[(int)BodyLandmark.LeftAnkle] = (550, 700);
        points[(int)BodyLandmark.RightKnee] = (450 + kneeMedial, (400 + depth + 800) / 2);
        points[(int)BodyLandmark.LeftKnee] = (550, (400 + depth + 700) / 2);
        points[(int)BodyLandmark.RightHeel] = (450, 815);
        points[(int)BodyLandmark.LeftHeel] = (550, 715);
        points[(int)BodyLandmark.RightFootIndex] = (450, 830);
        points[(int)BodyLandmark.LeftFootIndex] = (550, 730);
        var landmarks = new Landmark[points.Length];
        var world = new WorldLandmark[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            landmarks[i] = new Landmark((float)points[i].X, (float)points[i].Y, 0, 0.9f, 1);
            world[i] = new WorldLandmark((float)((points[i].X - 500) / 400 * 0.9), (float)((points[i].Y - 400 - depth) / 400 * 0.9), 0, 0.9f);
        }

        return new PoseFrame(index, t, 1000, 1000, true, [.. landmarks], [.. world], 1, false);
    }

    private string WriteFramesCsv(List<PoseFrame> frames)
    {
        string path = Path.Combine(_folder, "session-frames.csv");
        using var writer = new StreamWriter(path);
        FramesCsvWriter.Write(writer, frames, SessionAnalyzer.Analyze(frames, AnalysisSettings.Default).Frames);
        return path;
    }

    [Fact]
    public void Reanalyze_with_a_new_threshold_equals_a_fresh_analysis_with_it()
    {
        var frames = Squats();
        string csv = WriteFramesCsv(frames);
        var output = new StringWriter();
        var again = ReanalyzeCommand.Run(new ReanalyzeOptions(csv, ThresholdDeg: 12, Exercise: "squat"), output);
        var fresh = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { ValgusThresholdDeg = 12, Exercise = Exercise.SingleLegSquat });

        Assert.Equal(3, again.Reps.Length);
        Assert.Equal(fresh.Reps.Select(r => (r.BottomFrame, r.FppaAtBottomDeg, r.PeakHipShiftPct, r.Verdict)), again.Reps.Select(r => (r.BottomFrame, r.FppaAtBottomDeg, r.PeakHipShiftPct, r.Verdict)));
        Assert.Equal(fresh.Events.ToArray(), again.Events.ToArray());
        Assert.Equal(fresh.Frames.ToArray(), again.Frames.ToArray());
        Assert.Contains("Right knee caved in 14° at the bottom — above your 12° limit", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_prints_a_table_of_reps_and_the_per_side_summary()
    {
        string csv = WriteFramesCsv(Squats());
        var output = new StringWriter();
        var parse = CliApp.BuildRoot().Parse(["reanalyze", csv, "--exercise", "squat", "--side", "right"]);
        int code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });

        Assert.Equal(0, code);
        string text = output.ToString();
        Assert.Contains("FPPA bottom", text, StringComparison.Ordinal);
        Assert.Contains("Rep 3:", text, StringComparison.Ordinal);
        Assert.Contains("Per side", text, StringComparison.Ordinal);
        Assert.Contains("single-leg squat (chosen by the user)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_folder_gets_the_same_files_as_analyze_named_after_the_input()
    {
        string csv = WriteFramesCsv(Squats());
        string outDir = Path.Combine(_folder, "out");
        var parse = CliApp.BuildRoot().Parse(["reanalyze", csv, "--out", outDir]);
        Assert.Equal(0, await parse.InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), EnableDefaultExceptionHandler = false }));
        string[] expected = ["session-frames.frames.csv", "session-frames.reps.csv", "session-frames.report.json", "session-frames.report.html", "session-frames.report.pdf"];
        Assert.Equal(expected.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order()!);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "session-frames.reps.csv")).Length);

        // The rewritten frames CSV reads back to the same poses.
        Assert.Equal(301, FramesCsvReader.Read(Path.Combine(outDir, "session-frames.frames.csv")).Count);

        // The report builder analyze uses: the input's name without folders, and a statement on the FPPA's accuracy.
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "session-frames.report.json")));
        Assert.Equal("session-frames.csv", report.RootElement.GetProperty("input").GetProperty("fileName").GetString());
        Assert.Contains("accuracy unknown", File.ReadAllText(Path.Combine(outDir, "session-frames.report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trial3.frames.csv", "trial3")]
    [InlineData("frames.csv", "")]
    [InlineData("session-frames.csv", "session-frames")]
    public void Outputs_are_named_after_the_input(string input, string name) =>
        Assert.Equal(name, ReanalyzeCommand.OutputName(Path.Combine("some", "folder", input)));

    [Fact]
    public async Task Missing_file_is_one_line_and_exit_code_2()
    {
        var error = new StringWriter();
        int code = await CliApp.RunAsync(["reanalyze", Path.Combine(_folder, "nope.csv")], error);
        Assert.Equal(CliError.BadInput, code);
        Assert.Equal($"valgus: {Path.Combine(_folder, "nope.csv")}: no such file", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Unknown_side_or_exercise_names_the_option()
    {
        string csv = WriteFramesCsv(Squats());
        var error = new StringWriter();
        Assert.Equal(CliError.BadInput, await CliApp.RunAsync(["reanalyze", csv, "--side", "middle"], error));
        Assert.Contains("--side: 'middle' is not left, right or auto", error.ToString(), StringComparison.Ordinal);
        error = new StringWriter();
        Assert.Equal(CliError.BadInput, await CliApp.RunAsync(["reanalyze", csv, "--exercise", "lunge"], error));
        Assert.Contains("--exercise: 'lunge' is not", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_csv_names_line_and_column()
    {
        string path = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(path, "frame,time_s,left_hip_x,left_hip_y\n0,0,1,2\n1,zero,1,2\n");
        var error = new StringWriter();
        Assert.Equal(CliError.BadInput, await CliApp.RunAsync(["reanalyze", path], error));
        Assert.Contains("line 3, column time_s: 'zero' is not a number", error.ToString(), StringComparison.Ordinal);
    }
}
