using ValgusVision.Rendering.Reports;

namespace ValgusVision.Rendering.Tests.Reports;

/// <summary>docs/report-json.md must name every field the writers produce, so the documentation cannot drift.</summary>
public class ReportDocsTests
{
    private static string Docs() => File.ReadAllText(TestPaths.Doc("report-json.md"));

    /// <summary>Up from the test assembly; when it was built elsewhere (--artifacts-path), up from this source file.</summary>
    [Fact]
    public void Every_reps_csv_column_is_documented()
    {
        var docs = Docs();
        Assert.All(RepsCsvWriter.Header, column => Assert.Contains($"`{column}`", docs));
    }

    [Fact]
    public void Every_per_rep_json_field_is_documented()
    {
        var docs = Docs();
        Assert.All(RepFields.All, field => Assert.Contains($"`{field.JsonName}`", docs));
    }
}
