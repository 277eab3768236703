using System.Text.Json.Nodes;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>--client</c> and <c>--clinician</c> (issue 21 item 4): the names reach the top of the HTML report escaped and
/// report.json as given, from the command line or a config file's keys of the same names.
/// </summary>
public sealed class ReportNamesTests : IDisposable
{
    private static readonly string Image = Path.Combine(TestPaths.TestData, "images", "coco", "000000000785.jpg");

    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_names_head_the_html_escaped_and_are_in_the_json_as_given()
    {
        var (code, error) = await AnalyzeTestFiles.Run(
            "analyze", Image, "--out", _files.Scratch, "--formats", "json,html", "--client", "  Ann <Lee> & Co ", "--clinician", "Dr Jo Smith");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(File.ReadAllText(_files.File("000000000785.report.json")))!;
        Assert.Equal("Ann <Lee> & Co", json["client"]!.GetValue<string>());
        Assert.Equal("Dr Jo Smith", json["clinician"]!.GetValue<string>());
        string html = File.ReadAllText(_files.File("000000000785.report.html"));
        Assert.Contains("<td>Ann &lt;Lee&gt; &amp; Co</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Lee>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Dr Jo Smith</td>", html, StringComparison.Ordinal);
        // The appendix names the options a user typed, never the internal settings.
        Assert.Contains("<td>--refine</td><td>mask</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("StanceOverride", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_gives_the_names_and_without_them_the_json_has_nulls()
    {
        string config = _files.File("valgus.toml");
        File.WriteAllText(config, "client = \"Ann Lee\"\nclinician = \"Dr Jo\"\nformats = \"json\"\n");

        var (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--out", _files.Scratch, "--config", config);
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(File.ReadAllText(_files.File("000000000785.report.json")))!;
        Assert.Equal("Ann Lee", json["client"]!.GetValue<string>());
        Assert.Equal("Dr Jo", json["clinician"]!.GetValue<string>());

        (code, error) = await AnalyzeTestFiles.Run("analyze", Image, "--out", _files.Scratch, "--formats", "json");
        Assert.True(code == 0, error);
        json = JsonNode.Parse(File.ReadAllText(_files.File("000000000785.report.json")))!;
        Assert.Null(json["client"]);
        Assert.Null(json["clinician"]);
    }
}
