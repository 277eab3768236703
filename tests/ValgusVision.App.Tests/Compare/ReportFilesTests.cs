using ValgusVision.App.Compare;

namespace ValgusVision.App.Tests.Compare;

public sealed class ReportFilesTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Touch(string relative)
    {
        string path = _scratch.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }

    [Fact]
    public void A_folder_gives_its_reports_and_a_live_sessions_plain_one_but_no_half_written_or_other_json()
    {
        string a = Touch("week1/anna.report.json");
        string live = Touch("week2/session1/report.json");
        Touch("week2/.anna.report.partial-1.json");
        Touch("week2/.partial.report.json");
        Touch("week2/compare.json");
        Assert.Equal([a, live], ReportFiles.In(_scratch.Path));
    }

    [Fact]
    public void One_wants_exactly_one_report()
    {
        string a = Touch("one/a.report.json");
        Assert.Equal(a, ReportFiles.One(_scratch.File("one")));
        Assert.Equal(a, ReportFiles.One(a));
        Touch("one/b.report.json");
        Assert.Throws<InvalidDataException>(() => ReportFiles.One(_scratch.File("one")));
        Directory.CreateDirectory(_scratch.File("none"));
        Assert.Throws<FileNotFoundException>(() => ReportFiles.One(_scratch.File("none")));
        Assert.Throws<FileNotFoundException>(() => ReportFiles.In(_scratch.File("gone")));
    }
}
