using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary><c>valgus compare</c> on real report.json files of the committed samples (issue 21, item 5).</summary>
[Collection(CompareSampleReports.Collection)]
public sealed class CompareCommandTests(CompareSampleReports reports) : IDisposable
{
    private readonly string _out = Path.Combine(reports.Folder, "compare-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    /// <summary>Through the command line: exit code and stderr. The console table goes to the process's stdout.</summary>
    private static async Task<(int Code, string Error)> Run(params string[] args) => await AnalyzeTestFiles.Run(args);

    /// <summary>The command's work with its console table captured.</summary>
    private static string Table(string first, string second, string? folder)
    {
        using var output = new StringWriter();
        Commands.CompareCommand.Run(first, second, folder, output);
        return output.ToString();
    }

    private static double Mean(string report, string side)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("summary").GetProperty(side).GetProperty("fppaAtBottomDeg").GetProperty("mean").GetDouble();
    }

    private static JsonElement Difference(string compareJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(compareJson));
        return json.RootElement.GetProperty("difference").Clone();
    }

    [Fact]
    public async Task Left_and_right_samples_give_the_difference_of_their_reports_in_json_html_and_console()
    {
        var (code, error) = await Run("compare", reports.Left, reports.Right, "--out", _out);
        Assert.True(code == 0, error);
        string output = Table(reports.Left, reports.Right, null);
        double expected = Mean(reports.Right, "right") - Mean(reports.Left, "left");
        Assert.True(expected < -8, $"the samples should differ by about 12° (15° valgus vs neutral), got {expected:0.0}");
        var diff = Difference(Path.Combine(_out, "compare.json"));
        Assert.Equal(expected, diff.GetProperty("fppaAtBottomDiffDeg").GetDouble(), 3);
        Assert.Equal("left", diff.GetProperty("worseSide").GetString());
        Assert.Equal(JsonValueKind.Null, diff.GetProperty("notComparedReason").ValueKind);
        Assert.Contains("The left knee caves in more.", output, StringComparison.Ordinal);
        Assert.Contains("sls-right-neutral.mp4", output, StringComparison.Ordinal);

        string html = File.ReadAllText(Path.Combine(_out, "compare.html"));
        Assert.Contains("Above limit", Card(html, "left"), StringComparison.Ordinal);
        Assert.Contains("#e74c3c", Card(html, "left"), StringComparison.Ordinal); // 14° against a 10° limit: red, trusted
        Assert.Contains("Aligned", Card(html, "right"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Path.Combine(_out, "compare.pdf"))[..4]);
    }

    [Fact]
    public async Task The_order_of_the_two_reports_does_not_matter_and_folders_name_them()
    {
        var (code, error) = await Run("compare", reports.Right, reports.Left, "--out", _out);
        Assert.True(code == 0, error);
        double forward = Difference(Path.Combine(_out, "compare.json")).GetProperty("fppaAtBottomDiffDeg").GetDouble();
        Assert.Equal(Mean(reports.Right, "right") - Mean(reports.Left, "left"), forward, 3);

        // A folder holding exactly one report stands for it.
        string one = Path.Combine(_out, "right-session");
        Directory.CreateDirectory(one);
        File.Copy(reports.Right, Path.Combine(one, "report.json"));
        (code, error) = await Run("compare", reports.Left, one);
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task An_untrusted_leg_is_grey_with_its_reason_and_not_compared()
    {
        string output = Table(reports.LeftTurned, reports.Right, _out);
        var diff = Difference(Path.Combine(_out, "compare.json"));
        Assert.Equal(JsonValueKind.Null, diff.GetProperty("fppaAtBottomDiffDeg").ValueKind);
        Assert.Equal(JsonValueKind.Null, diff.GetProperty("worseSide").ValueKind);
        Assert.Contains("not a frontal view", diff.GetProperty("notComparedReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("not compared", output, StringComparison.Ordinal);
        Assert.DoesNotContain("caves in more", output, StringComparison.Ordinal);

        string html = File.ReadAllText(Path.Combine(_out, "compare.html"));
        string left = Card(html, "left");
        Assert.Contains("Accuracy unknown:", left, StringComparison.Ordinal);
        Assert.Contains("#9e9e9e", left, StringComparison.Ordinal);
        Assert.DoesNotContain("#e74c3c", left, StringComparison.Ordinal); // 40° at the bottom, yet never red
        Assert.Contains("id=\"not-compared\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"difference\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_leg_twice_is_one_line_and_exit_2()
    {
        var (code, error) = await Run("compare", reports.Left, reports.LeftTurned, "--out", _out);
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("both of the left leg", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));

        (code, error) = await Run("compare", reports.Left, reports.Left);
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("given twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-json")]
    [InlineData("not-a-report")]
    [InlineData("schema-too-new")]
    [InlineData("folder-of-several")]
    public async Task Bad_input_is_one_line_naming_it_and_exit_2(string kind)
    {
        Directory.CreateDirectory(_out);
        string bad = Path.Combine(_out, kind + ".report.json");
        switch (kind)
        {
            case "not-json":
                File.WriteAllText(bad, "{ this is not json");
                break;
            case "not-a-report":
                File.WriteAllText(bad, "{\"schema\": \"something/else\"}");
                break;
            case "schema-too-new":
                File.WriteAllText(bad, File.ReadAllText(reports.Right).Replace("valgusvision.report/1", "valgusvision.report/2", StringComparison.Ordinal));
                break;
            case "folder-of-several":
                bad = Path.GetDirectoryName(reports.Left)!;
                break;
        }

        var (code, error) = await Run("compare", reports.Left, bad);
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("valgus: ", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(bad), error, StringComparison.Ordinal);
        if (kind == "schema-too-new")
        {
            Assert.Contains("newer than this tool reads", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_is_exit_1()
    {
        Directory.CreateDirectory(_out);
        string file = Path.Combine(_out, "occupied");
        File.WriteAllText(file, "a file where the folder should be");
        var (code, error) = await Run("compare", reports.Left, reports.Right, "--out", file);
        Assert.Equal(CliError.Failed, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("cannot be written", error, StringComparison.Ordinal);
    }

    /// <summary>One leg's card of compare.html.</summary>
    private static string Card(string html, string side)
    {
        int start = html.IndexOf($"id=\"leg-{side}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {side} card");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
