using ValgusVision.Cli.Commands;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// Every command that runs a session refuses the same bad values with the same one line and exit code 2, before any
/// work: no help dump, nothing written (issue 20 "Bad input", issue 21 item 2). None of these needs test data.
/// </summary>
public sealed class SessionOptionErrorsTests : IDisposable
{
    private const string Exercises = "single-leg-squat, hinge, hip-hitch, drop-jump, ankle-lunge, double-leg-squat, forward-lunge or auto";

    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Refused by every session command.</summary>
    public static TheoryData<string, string[], string> Common()
    {
        var cases = new (string[] Args, string Message)[]
        {
            (["--threshold", "8,5"], "--threshold: '8,5' is not a number: use a decimal point (8.5)"),
            (["--threshold", "abc"], "--threshold: 'abc' is not a number"),
            (["--threshold", "-5"], "--threshold: -5 is not between 1 and 45°"),
            (["--threshold", "90"], "--threshold: 90 is not between 1 and 45°"),
            (["--height-cm", "20"], "--height-cm: 20 is not between 50 and 300 cm"),
            (["--height-cm", "172,5"], "--height-cm: '172,5' is not a number: use a decimal point (172.5)"),
            (["--exercise", "lunge"], $"--exercise: 'lunge' is not {Exercises}"),
            (["--side", "middle"], "--side: 'middle' is not left, right or auto"),
            (["--client", "Ann\nLee"], "--client: the name holds a control character (a tab or a line break)"),
            (["--clinician", new string('x', 121)], "--clinician: 121 characters; at most 120"),
        };
        var data = new TheoryData<string, string[], string>();
        foreach (string command in new[] { "analyze", "batch", "live", "reanalyze" })
        {
            foreach (var (args, message) in cases)
            {
                data.Add(command, args, message);
            }
        }

        return data;
    }

    /// <summary>Refused by the commands that run the pose model (reanalyze has none of these options).</summary>
    public static TheoryData<string, string[], string> PoseOptions()
    {
        var cases = new (string[] Args, string Message)[]
        {
            (["--model", "huge"], "--model: 'huge' is neither lite, full, heavy nor an existing model file"),
            (["--refine", "maybe"], "--refine: 'maybe' is not mask or none"),
            (["--hip-centre", "pelvis"], "--hip-centre: 'pelvis' is not model, estimated, anatomical or silhouette"),
            (["--smoothing", "maybe"], "--smoothing: 'maybe' is not on or off"),
            (["--flip-average", "maybe"], "--flip-average: 'maybe' is not on, off or auto"),
            (["--roi-scale", "1,4"], "--roi-scale: '1,4' is not a number: use a decimal point (1.4)"),
            (["--heatmap-window", "4"], "--heatmap-window: 4 is not an odd number of heatmap cells from 1 to 63, or 0 for none"),
        };
        var data = new TheoryData<string, string[], string>();
        foreach (string command in new[] { "analyze", "batch", "live" })
        {
            foreach (var (args, message) in cases)
            {
                data.Add(command, args, message);
            }
        }

        return data;
    }

    /// <summary>What only some commands take.</summary>
    public static TheoryData<string, string[], string> Own() => new()
    {
        { "analyze", ["--start", "-1"], "--start: -1 is not between 0 and 86400 s" },
        { "analyze", ["--end", "1,5"], "--end: '1,5' is not a number: use a decimal point (1.5)" },
        { "analyze", ["--start", "5", "--end", "2"], "--end (2 s) must be after --start (5 s)" },
        { "analyze", ["--formats", "csv,gif"], "--formats: unknown format 'gif' (use video, csv, json, html, pdf)" },
        { "batch", ["--start", "-1"], "--start: -1 is not between 0 and 86400 s" },
        { "batch", ["--jobs", "0"], "--jobs: 0 is not between 1 and 64" },
        { "batch", ["--jobs", "two"], "--jobs: 'two' is not a whole number" },
        { "live", ["--trials", "0"], "--trials: 0 is not between 1 and 100" },
        { "live", ["--duration", "0"], "--duration: 0 is not between 0.001 and 86400 s" },
        { "live", ["--drill", "--guided"], "--drill and --guided: choose one" },
    };

    [Theory]
    [MemberData(nameof(Common))]
    [MemberData(nameof(PoseOptions))]
    [MemberData(nameof(Own))]
    public async Task A_bad_value_is_one_line_and_exit_2_before_any_work(string command, string[] option, string message)
    {
        string output = _files.File("out");
        string[] args = command switch
        {
            "analyze" => ["analyze", _files.File("missing.mp4"), "--out", output],
            "batch" => ["batch", _files.File("missing"), "--out", output],
            "live" => ["live", "--camera", _files.File("missing.mp4"), "--headless", "--record", output],
            _ => ["reanalyze", _files.File("missing.frames.csv"), "--out", output],
        };
        var (code, error) = await AnalyzeTestFiles.Run([.. args, .. option]);

        Assert.Equal(CliError.BadInput, code);
        Assert.Equal("valgus: " + message, error.TrimEnd().Split('\n').Single());
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("single-leg-squat", Exercise.SingleLegSquat)]
    [InlineData("squat", Exercise.SingleLegSquat)]
    [InlineData("hip-hitch", Exercise.HipHitch)]
    [InlineData("hitch", Exercise.HipHitch)]
    [InlineData("ankle-lunge", Exercise.AnkleLunge)]
    public void Every_command_reads_one_vocabulary_and_the_console_prints_its_main_names(string name, Exercise exercise)
    {
        Assert.Equal(exercise, CliValues.ParseExercise(name));
        Assert.Contains(CliValues.Name(exercise), Exercises, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.5", 8.5)]
    [InlineData("-3", -3.0)]
    [InlineData("12", 12.0)]
    public void Numbers_take_a_decimal_point(string text, double value)
    {
        Assert.True(CliValues.TryParseNumber(text, out double parsed, out _));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("8,5")]
    [InlineData("1,000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    public void Commas_and_non_numbers_are_refused(string text) =>
        Assert.False(CliValues.TryParseNumber(text, out _, out _));
}
