using System.CommandLine;
using System.CommandLine.Completions;
using ValgusVision.Cli.Config;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>--config FILE</c> (issue 21 item 6): the file's settings act as if typed before the user's options, so the command
/// line wins and every value meets its option's own checks; a bad file is one line and exit 2 before any work.
/// </summary>
public sealed class ConfigFileTests : IDisposable
{
    private static readonly string Image = Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg");

    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_config_file_sets_the_threshold_of_the_report()
    {
        string config = Write("valgus.toml", "# a clinic's defaults\nthreshold = 8.5\nexercise = \"single-leg-squat\"\nformats = [\"csv\", \"json\"]\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--out", _files.Scratch, "--config", config);

        Assert.True(code == 0, error);
        Assert.Contains("\"valgusThresholdDeg\": 8.5", File.ReadAllText(_files.File("000000000785.report.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(_files.File("000000000785.report.html")), "formats from the file: csv and json only");
    }

    [Fact]
    public async Task The_command_line_wins_over_the_config_file()
    {
        string config = Write("valgus.toml", "threshold = 8.5\nformats = \"json\"\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--threshold", "12", "--out", _files.Scratch, "--config", config);

        Assert.True(code == 0, error);
        Assert.Contains("\"valgusThresholdDeg\": 12", File.ReadAllText(_files.File("000000000785.report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_table_wins_over_the_top_and_settings_go_before_the_users_options()
    {
        string config = Write("valgus.toml", "threshold = 8.5\nsmoothing = false\nstart = 2\n\n[live]\nthreshold = 11\nheadless = true\n\n[analyze]\nside = 'left'\n");

        string[] live = ConfigArguments.Expand(CliApp.BuildRoot(), ["live", "--config", config, "--side", "right"]);
        string[] analyze = ConfigArguments.Expand(CliApp.BuildRoot(), ["analyze", "a.mp4", "--config", config, "--start", "1"]);

        // live has no --start (ignored there), its own table's threshold and flag; the user's --side stays theirs.
        Assert.Equal(["live", "--threshold", "11", "--smoothing", "off", "--headless", "true", "--config", config, "--side", "right"], live);
        Assert.Equal(["analyze", "--threshold", "8.5", "--smoothing", "off", "--side", "left", "a.mp4", "--config", config, "--start", "1"], analyze);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("batch")]
    [InlineData("live")]
    [InlineData("reanalyze")]
    [InlineData("eval")]
    public async Task An_unknown_key_is_one_line_naming_it_and_its_line(string command)
    {
        string config = Write("bad.toml", "threshold = 9\n\nthreshhold = 8\n");

        var (code, error) = await AnalyzeTestFiles.Run(command, "--config", config);

        Assert.Equal(2, code);
        Assert.Equal($"valgus: --config {config}: unknown option 'threshhold' (line 3)", error.TrimEnd());
    }

    [Fact]
    public async Task An_option_of_another_command_in_a_command_table_is_unknown()
    {
        string config = Write("bad.toml", "[analyze]\ncamera = \"0\"\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--config", config);

        Assert.Equal(2, code);
        Assert.Equal($"valgus: --config {config}: unknown option 'camera' (line 2)", error.TrimEnd());
    }

    [Fact]
    public async Task A_missing_config_file_is_one_line_and_exit_2()
    {
        string config = _files.File("gone.toml");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--out", _files.Scratch, "--config", config);

        Assert.Equal(2, code);
        Assert.Equal($"valgus: --config {config}: no such file", error.TrimEnd());
        Assert.Empty(Directory.GetFiles(_files.Scratch, "*.report.*"));
    }

    [Theory]
    [InlineData("threshold = \"abc\"", "--threshold: 'abc' is not a number")]
    [InlineData("threshold = 90", "--threshold: 90 is not between 1 and 45°")]
    [InlineData("side = \"middle\"", "--side: 'middle' is not left, right or auto")]
    [InlineData("formats = [\"csv\", \"gif\"]", "--formats: unknown format 'gif' (use video, csv, json, html, pdf)")]
    public async Task A_bad_value_gets_its_options_own_error(string line, string message)
    {
        string config = Write("bad.toml", line + "\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--out", _files.Scratch, "--config", config);

        Assert.Equal(2, code);
        Assert.Equal("valgus: " + message, error.TrimEnd());
    }

    [Theory]
    [InlineData("threshold = abc", "'abc' is not a TOML value (strings need quotes) (line 1)")]
    [InlineData("model.name = \"full\"", "dotted keys and nested tables are not supported (line 1)")]
    [InlineData("threshold = 8\nthreshold = 9", "'threshold' is set twice (line 2)")]
    [InlineData("threshold = 8\n[squat]", "unknown table [squat] (line 2); use [analyze], [batch], [live], [eval], [reanalyze]")]
    public async Task A_file_that_is_not_the_toml_subset_is_one_line(string text, string message)
    {
        string config = Write("bad.toml", text + "\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--config", config);

        Assert.Equal(2, code);
        Assert.Equal($"valgus: --config {config}: {message}", error.TrimEnd());
    }

    [Theory]
    [InlineData("analyze", "a.mp4")]
    [InlineData("batch", "videos", "--out", "results")]
    [InlineData("live", "--headless")]
    [InlineData("reanalyze", "a.frames.csv")]
    public void The_sample_config_file_is_valid_for_every_session_command(string command, params string[] rest)
    {
        string sample = TestPaths.Sample("valgus.toml");
        string[] args = [command, .. rest, "--config", sample];

        var expanded = ConfigArguments.Expand(CliApp.BuildRoot(), args);
        var parse = CliApp.BuildRoot().Parse(expanded);

        Assert.True(expanded.Length > args.Length, "the sample sets options for " + command);
        Assert.Empty(parse.Errors.Select(e => e.Message));
    }

    [Fact]
    public void The_config_file_chooses_the_hip_point_and_its_values_complete()
    {
        string config = Write("valgus.toml", "hip-centre = \"anatomical\"\n");

        string[] expanded = ConfigArguments.Expand(CliApp.BuildRoot(), ["analyze", "a.mp4", "--config", config]);
        var parse = CliApp.BuildRoot().Parse(expanded);

        Assert.Empty(parse.Errors.Select(e => e.Message));
        int at = Array.IndexOf(expanded, "--hip-centre");
        Assert.True(at >= 0 && expanded[at + 1] == "anatomical", string.Join(' ', expanded));
        var option = CliApp.BuildRoot().Subcommands.First(c => c.Name == "analyze").Options.First(o => o.Name == "--hip-centre");
        Assert.Equal(["anatomical", "estimated", "model", "silhouette"], option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_suggest_directive_completes_an_option_name()
    {
        using var output = new StringWriter();

        int code = await CliApp.BuildRoot().Parse(["[suggest:12]", "analyze --ex"]).InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, code);
        Assert.Equal(["--exercise"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_suggest_directive_completes_an_options_values()
    {
        using var output = new StringWriter();
        const string line = "valgus analyze --side ";

        int code = await CliApp.BuildRoot().Parse([$"[suggest:{line.Length}]", line]).InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, code);
        Assert.Equal(["auto", "left", "right"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private string Write(string name, string text)
    {
        string path = _files.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
