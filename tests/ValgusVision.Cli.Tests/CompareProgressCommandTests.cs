using System.Text.Json;
using System.Text.RegularExpressions;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>valgus progress</c> on the samples' real report.json files, copied as the sessions of four weeks (their dates
/// and client set as a clinic's later reports would carry them; issue 21, item 5).
/// </summary>
[Collection(CompareSampleReports.Collection)]
public sealed partial class CompareProgressCommandTests(CompareSampleReports reports) : IDisposable
{
    private readonly string _folder = Path.Combine(reports.Folder, "progress-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A copy of <paramref name="report"/> in sessions/NAME/ analysed on 2 November 2026 + <paramref name="day"/>.</summary>
    /// <param name="recordedDay">When given, the report says it was recorded on 2 November 2026 + this many days (recordedAt).</param>
    private string Session(string report, string name, int day, string? client = null, int? recordedDay = null)
    {
        string text = File.ReadAllText(report);
        text = CreatedUtc().Replace(text, $"\"createdUtc\": \"{Day(day)}\"", 1);
        if (recordedDay is { } recorded)
        {
            Assert.Contains("\"recordedAt\": null", text, StringComparison.Ordinal); // the samples carry no creation_time
            text = text.Replace("\"recordedAt\": null", $"\"recordedAt\": \"{Day(recorded)}\"", StringComparison.Ordinal)
                .Replace("\"recordedAtSource\": null", "\"recordedAtSource\": \"user\"", StringComparison.Ordinal);
        }

        if (client is not null)
        {
            // The reports name no client (analyzed without --client): give this one the name, as --client would.
            Assert.Contains("\"client\": null", text, StringComparison.Ordinal);
            text = text.Replace("\"client\": null", $"\"client\": \"{client}\"", StringComparison.Ordinal);
        }

        string dir = Path.Combine(_folder, "sessions", name);
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name + ".report.json");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Day(int day) =>
        new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc).AddDays(day).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Sessions_are_placed_by_their_recording_date_and_only_the_undated_keep_the_mark()
    {
        // All analysed on one day (a month's trials analysed at once); three say when they were recorded, one does not.
        string third = Session(reports.Left, "a-third", 30, recordedDay: 14);
        string first = Session(reports.Right, "b-first", 30, recordedDay: 0);
        string undated = Session(reports.Left, "c-undated", 21);
        string second = Session(reports.Left, "d-second", 30, recordedDay: 7);
        using var output = new StringWriter();
        var progress = Commands.CompareProgressCommand.Run([third, undated, second, first], null, output);
        string table = output.ToString();

        Assert.Equal(["b-first", "d-second", "a-third", "c-undated"], progress.Sessions.Select(s => Path.GetFileName(Path.GetDirectoryName(s.Session.Source))));
        Assert.Equal([0, 7, 14, 21], progress.Sessions.Select(s => s.DaysSinceFirst));
        Assert.Equal([true, true, true, false], progress.Sessions.Select(s => s.Session.DateIsRecording));
        Assert.Contains("2026-11-16 ", table, StringComparison.Ordinal); // a recording date, unmarked
        Assert.Contains("2026-11-23*", table, StringComparison.Ordinal); // the undated one, by when it was analysed
        Assert.DoesNotContain("2026-12-02", table, StringComparison.Ordinal); // the day they were analysed places none
        Assert.Contains("1 of 4 reports do not say when they were recorded", table, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"createdUtc\": \"[^\"]*\"")]
    private static partial Regex CreatedUtc();

    [Fact]
    public async Task Sessions_are_ordered_by_date_with_weeks_charts_per_leg_and_untrusted_ones_grey()
    {
        // Given in a scrambled order, the left leg in weeks 1 and 4, the right in week 2, a turned (untrusted) left in week 3.
        Session(reports.Left, "d-last", 24, "Anna Berg");
        Session(reports.Right, "a-right", 9, "Anna Berg");
        Session(reports.Left, "c-first", 0);
        Session(reports.LeftTurned, "b-turned", 16, "Anna Berg");
        string outDir = Path.Combine(_folder, "out");
        var (code, error) = await AnalyzeTestFiles.Run("progress", Path.Combine(_folder, "sessions"), "--out", outDir);
        Assert.True(code == 0, error);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "progress.json")));
        var root = json.RootElement;
        Assert.Equal("Anna Berg", root.GetProperty("client").GetString());
        var sessions = root.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal([0, 9, 16, 24], sessions.Select(s => s.GetProperty("daysSinceFirst").GetInt32()));
        Assert.Equal([1, 2, 3, 4], sessions.Select(s => s.GetProperty("week").GetInt32()));
        Assert.Equal(24 / 7.0, sessions[3].GetProperty("weeksSinceFirst").GetDouble(), 3);
        Assert.Equal(4 / (24 / 7.0), root.GetProperty("sessionsPerWeek").GetDouble(), 3);
        Assert.False(sessions[2].GetProperty("left").GetProperty("trusted").GetBoolean());
        Assert.Contains("not a frontal view", sessions[2].GetProperty("left").GetProperty("untrustedReason").GetString(), StringComparison.Ordinal);
        var left = root.GetProperty("left");
        Assert.Equal(3, left.GetProperty("testedSessions").GetInt32());
        Assert.Equal(2, left.GetProperty("trustedSessions").GetInt32());
        Assert.Equal(0, left.GetProperty("changeDeg").GetDouble(), 3); // the same recording in weeks 1 and 4
        Assert.Equal(JsonValueKind.Null, root.GetProperty("right").GetProperty("changeDeg").ValueKind);

        string html = File.ReadAllText(Path.Combine(outDir, "progress.html"));
        Assert.Contains("id=\"chart-left\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-right\"", html, StringComparison.Ordinal);
        Assert.Contains("media=\"(max-width: 760px)\"", html, StringComparison.Ordinal); // the phone's own chart
        Assert.Contains("1 of 4", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num grey\"><span>", html, StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Path.Combine(outDir, "progress.pdf"))[..4]);
    }

    [Fact]
    public void The_console_table_lists_every_session_in_date_order()
    {
        string late = Session(reports.Right, "late", 20);
        string early = Session(reports.Left, "early", 3);
        using var output = new StringWriter();
        var progress = Commands.CompareProgressCommand.Run([late, early], null, output);
        string table = output.ToString();
        Assert.Equal(["early.report.json", "late.report.json"], progress.Sessions.Select(s => Path.GetFileName(s.Session.Source)));
        Assert.True(table.IndexOf("2026-11-05", StringComparison.Ordinal) < table.IndexOf("2026-11-22", StringComparison.Ordinal), table);
        Assert.Contains("2 sessions over 2.4 weeks", table, StringComparison.Ordinal);
        Assert.Contains("placed by when they were analysed", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_of_different_clients_are_refused_in_one_line_with_exit_2()
    {
        Session(reports.Left, "anna", 0, "Anna Berg");
        Session(reports.Right, "ben", 2, "Ben Ode");
        var (code, error) = await AnalyzeTestFiles.Run("progress", Path.Combine(_folder, "sessions"), "--out", Path.Combine(_folder, "out"));
        Assert.Equal(CliError.BadInput, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("different people", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public async Task A_folder_without_reports_or_a_missing_path_is_exit_2()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
        var (code, error) = await AnalyzeTestFiles.Run("progress", Path.Combine(_folder, "empty"));
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("no report.json", error, StringComparison.Ordinal);
        (code, error) = await AnalyzeTestFiles.Run("progress", Path.Combine(_folder, "gone"));
        Assert.Equal(CliError.BadInput, code);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }
}
