using ValgusVision.Tests.Support;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// <c>valgus live</c> end to end, on samples/sls-left-valgus15.mp4 (720p, 30 fps, 5 s, three left-leg squats) played
/// as a camera. Each run plays in real time, so these tests take several seconds each.
/// </summary>
public sealed class LiveCommandTests : IDisposable
{
    private static readonly string Video = Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "valgus-live-" + Guid.NewGuid().ToString("N"));

    // Videos made for a test, apart from the record folder (which --record wants new or empty).
    private readonly string _sources = Path.Combine(Path.GetTempPath(), "valgus-live-src-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var folder in new[] { _folder, _sources })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Record_into_a_folder_holding_a_session_is_refused_unless_force()
    {
        Directory.CreateDirectory(_folder);
        string earlier = Path.Combine(_folder, "report.json");
        File.WriteAllText(earlier, "{}");

        using (var refused = new LiveProcess(["live", "--camera", Video, "--headless", "--record", _folder]))
        {
            Assert.Equal(2, refused.WaitForExit(TimeSpan.FromMinutes(1)));
            string line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"valgus: --record {_folder}: the folder already holds files", line);
            Assert.Contains("--force", line);
            Assert.Equal("{}", File.ReadAllText(earlier));
        }

        using var forced = new LiveProcess(["live", "--camera", Video, "--headless", "--model", "lite", "--duration", "2", "--record", _folder, "--force"]);
        int exit = forced.WaitForExit(TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"exit {exit}; stderr: {forced.Error}; stdout: {forced.Output}");
        Assert.NotEqual("{}", File.ReadAllText(earlier));
    }

    [Fact]
    public void Headless_session_to_the_end_of_a_video_writes_a_complete_recording()
    {
        using var live = new LiveProcess(["live", "--camera", Video, "--headless", "--side", "left", "--record", _folder]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("live session ended (end of the video)", live.Output);
        Assert.Contains("capture→display latency", live.Output);
        Assert.DoesNotContain("lunge test", live.Output); // a frontal squat stays a squat under --exercise auto
        // Once the standing leg is known it is held through the squats' bottoms, where the free foot comes down level
        // with it (issue 21: "stance ?" in 24 of 39 status lines); and the client's lines carry no fps or latency.
        var status = live.Output.Split('\n').Where(l => l.Contains(" s  stance ", StringComparison.Ordinal)).ToList();
        var afterFirst = status.SkipWhile(l => !l.Contains("stance left", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(afterFirst);
        Assert.All(afterFirst, l => Assert.Contains("stance left", l));
        Assert.All(status, l => Assert.DoesNotContain("fps", l));
        int frames = AssertRecordingComplete();
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "report.json")));
        Assert.Contains(frames.ToString(CultureInfo.InvariantCulture), report.RootElement.GetRawText());
        // Live runs without flip averaging where the user left it to the tool (it would not keep up), and says so.
        Assert.Equal("off", report.RootElement.GetProperty("settings").GetProperty("processing").GetProperty("flip averaging").GetString());
    }

    [Fact]
    public void Guided_headless_counts_down_instead_of_asking_for_space_and_judges_no_squat_during_the_hip_hitch()
    {
        // The plan starts with the hip hitch: the sample's three squats fall in its Ready pause and its set.
        using var live = new LiveProcess(["live", "--camera", Video, "--headless", "--guided", "--model", "lite"]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("Hip hitch, left leg, set 1 of 1: 5 reps, hold 5 s at the top. Starts in 5 s", live.Output);
        Assert.DoesNotContain("space", live.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"s  rep \d+:", live.Output);
    }

    [Fact]
    public void The_drill_writes_its_own_report_and_keeps_trials_apart_from_the_summary()
    {
        using var live = new LiveProcess(["live", "--camera", Video, "--headless", "--drill", "--model", "lite", "--record", _folder]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Equal("side,trial,hold_start_s,hold_depth_pct,fppa_deg,abs_error_deg", File.ReadLines(Path.Combine(_folder, "drill.csv")).First());
        Assert.Equal(
            ["side,trials,mean_abs_error_deg,mean_fppa_deg,trend_deg_per_trial", "left,0,,,", "right,0,,,"],
            File.ReadAllLines(Path.Combine(_folder, "drill-summary.csv")));
        string html = File.ReadAllText(Path.Combine(_folder, "drill-report.html"));
        Assert.Contains("<h1>Knee position-sense drill</h1>", html);
        Assert.StartsWith("%PDF", File.ReadAllText(Path.Combine(_folder, "drill-report.pdf"))[..4]);
    }

    [Fact]
    public void Auto_switches_to_the_lunge_test_on_a_side_view_with_split_feet()
    {
        string lunge = Path.Combine(TestPaths.RepoRoot, "samples", "lunge-left-42.mp4");
        using var live = new LiveProcess(["live", "--camera", lunge, "--headless", "--record", _folder]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("exercise chosen automatically: the weight-bearing lunge test", live.Output);
        Assert.Contains("Left ankle: best", live.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "report.json")));
        Assert.Equal("ankle-lunge", report.RootElement.GetProperty("exercise").GetString());
    }

    [Fact]
    public void Recording_is_complete_after_sigint()
    {
        using var live = new LiveProcess(["live", "--camera", LongerVideo(), "--headless", "--record", _folder]);
        WaitForRows(live, Path.Combine(_folder, "frames.recording.csv"), 10);
        live.Signal("INT");
        int exit = live.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 130, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        Assert.Contains("live session ended (interrupted)", live.Output);
        AssertRecordingComplete();
    }

    [Fact]
    public void Recording_is_complete_after_ctrl_c_in_a_terminal()
    {
        // A terminal's Ctrl+C signals the whole foreground process group, the recording's ffmpeg included: it must
        // not end the video under us (it did: "ffmpeg stopped accepting frames", and no camera.mp4, no report).
        using var live = new LiveProcess(["live", "--camera", LongerVideo(), "--headless", "--model", "lite", "--record", _folder], ownProcessGroup: true);
        WaitForRows(live, Path.Combine(_folder, "frames.recording.csv"), 10);
        live.SignalGroup("INT");
        int exit = live.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 130, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        AssertRecordingComplete();
    }

    [Fact]
    public void A_video_cut_short_is_a_lost_camera_one_line_exit_1_and_a_complete_recording()
    {
        // The first half of the sample's bytes: the container still announces 149 frames, about 40 can be decoded.
        Directory.CreateDirectory(_sources);
        string cut = Path.Combine(_sources, "cut.mp4");
        byte[] bytes = File.ReadAllBytes(Video);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        string record = _folder;

        using var live = new LiveProcess(["live", "--camera", cut, "--headless", "--model", "lite", "--record", record]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 1, $"exit {exit}; stderr: {live.Error}; stdout: {live.Output}");
        string[] ours = live.Error.Split('\n').Where(l => l.StartsWith("valgus:", StringComparison.Ordinal)).ToArray();
        string line = Assert.Single(ours);
        Assert.Matches(@"^valgus: input '.*cut\.mp4' ended after \d+ of 149 frames \(truncated or corrupt\); what was recorded is saved", line);
        Assert.Contains("live session ended (camera lost)", live.Output);
        // About 1.4 s of video: on a busy machine only a few frames get processed, and complete is what matters.
        AssertRecordingComplete(record, minRows: 1);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(record, "report.json")));
        Assert.False(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Contains("ended after", report.RootElement.GetProperty("incompleteReason").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_sigkill_what_was_recorded_is_readable(bool ffmpegKilledToo)
    {
        string record = Path.Combine(_folder, "rec");
        string rowsFile = Path.Combine(record, "frames.recording.csv");

        var live = new LiveProcess(["live", "--camera", LongerVideo(), "--headless", "--model", "lite", "--record", record]);
        IReadOnlyList<int> encoders;
        try
        {
            WaitForRows(live, rowsFile, 20);
            encoders = live.ChildIds();
            live.Signal("KILL");
            Assert.Equal(137, live.WaitForExit(TimeSpan.FromMinutes(1)));
            if (ffmpegKilledToo)
            {
                foreach (int id in encoders)
                {
                    using var kill = Process.Start("kill", ["-s", "KILL", id.ToString(CultureInfo.InvariantCulture)]);
                    kill.WaitForExit();
                }
            }
        }
        finally
        {
            live.Dispose();
        }

        // An orphaned ffmpeg ends the file itself once its input pipe closes; wait for that.
        foreach (int id in encoders)
        {
            var clock = Stopwatch.StartNew();
            while (Directory.Exists($"/proc/{id}") && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(100);
            }
        }

        // Still named as unfinished: no report, no final names.
        Assert.Equal(
            new[] { "camera.recording.mp4", "frames.recording.csv" },
            Directory.GetFiles(record).Select(Path.GetFileName).Order().ToArray());
        int rows = CountRows(rowsFile);
        int frames = CountVideoFrames(Path.Combine(record, "camera.recording.mp4"));
        // A frame reaches ffmpeg before its row is written; a killed ffmpeg loses at most the frame it was encoding.
        Assert.InRange(frames, ffmpegKilledToo ? rows - 2 : rows, rows + 1);

        // valgus analyze reads the recording made so far.
        var analyze = new LiveProcess(["analyze", Path.Combine(record, "camera.recording.mp4"), "--model", "lite", "--formats", "json", "--out", Path.Combine(_folder, "analysed")]);
        int exit;
        using (analyze)
        {
            exit = analyze.WaitForExit(TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, $"analyze exit {exit}; stderr: {analyze.Error}");
        }

        string json = Directory.GetFiles(Path.Combine(_folder, "analysed"), "*.json").Single();
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(frames, report.RootElement.GetProperty("input").GetProperty("frameCount").GetInt32());
    }

    [Fact]
    public void No_camera_at_that_index_is_one_clear_line_and_exit_2()
    {
        using var live = new LiveProcess(["live", "--camera", "9", "--headless"]);
        int exit = live.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("valgus: --camera 9: no camera at that index", live.Error);
    }

    [Fact]
    public void No_display_without_headless_is_one_clear_line_and_exit_2()
    {
        using var live = new LiveProcess(["live", "--camera", Video], new Dictionary<string, string?> { ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null });
        int exit = live.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("valgus: no display: DISPLAY is not set", live.Error);
    }

    /// <summary>Video, frames CSV, reps CSV and both reports exist, and the video has one frame per CSV row.</summary>
    private int AssertRecordingComplete() => AssertRecordingComplete(_folder);

    private static int AssertRecordingComplete(string folder, int minRows = 10)
    {
        foreach (var name in new[] { "camera.mp4", "frames.csv", "reps.csv", "report.json", "report.html", "report.pdf" })
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} missing in {folder}: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        }

        Assert.Empty(Directory.GetFiles(folder, "*.partial*"));
        Assert.Empty(Directory.GetFiles(folder, "*.recording.*"));
        int rows = File.ReadAllLines(Path.Combine(folder, "frames.csv")).Length - 1;
        Assert.True(rows >= minRows, $"only {rows} frames recorded");

        // The report builder analyze uses: the input's name without its folders.
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json"))))
        {
            string name = report.RootElement.GetProperty("input").GetProperty("fileName").GetString()!;
            Assert.True(name.IndexOfAny(['/', '\\']) < 0, $"input name '{name}' carries folders");
        }

        Assert.Equal(rows, CountVideoFrames(Path.Combine(folder, "camera.mp4")));
        AssertVideoHasTheRowsTimes(folder);
        return rows;
    }

    /// <summary>
    /// The recording keeps the frames' capture times (issue 21: a 4.93 s session was a 4.3 s video at a constant
    /// 30 fps): frame n of camera.mp4 plays at row n's time_s, and the video lasts as long as the session.
    /// </summary>
    private static void AssertVideoHasTheRowsTimes(string folder)
    {
        double[] times = File.ReadLines(Path.Combine(folder, "frames.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        string video = Path.Combine(folder, "camera.mp4");
        double[] pts = Probe(video, "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(times.Length, pts.Length);
        for (int i = 0; i < times.Length; i++)
        {
            Assert.True(Math.Abs(pts[i] - times[i]) < 0.002, $"frame {i}: video time {pts[i]} s, frames.csv {times[i]} s");
        }

        double duration = double.Parse(Probe(video, "-show_entries", "format=duration", "-of", "csv=p=0"), CultureInfo.InvariantCulture);
        double lastFrame = times.Length > 1 ? times[^1] - times[^2] : 0;
        Assert.InRange(duration, times[^1], times[^1] + lastFrame + 0.01);
    }

    private static string Probe(string path, params string[] args)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", .. args, path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var probe = Process.Start(start)!;
        string text = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();
        return text;
    }

    /// <summary>Four loops of the sample (20 s) in the scratch folder, so a signal lands while recording whatever the machine's load.</summary>
    private string LongerVideo()
    {
        Directory.CreateDirectory(_sources);
        string longer = Path.Combine(_sources, "long.mp4");
        if (!File.Exists(longer))
        {
            RunFfmpeg("-v", "error", "-y", "-stream_loop", "3", "-i", Video, "-c", "copy", longer);
        }

        return longer;
    }

    /// <summary>Waits until the streamed CSV holds <paramref name="rows"/> rows (flushed per row), i.e. the session is recording.</summary>
    private static void WaitForRows(LiveProcess live, string rowsFile, int rows)
    {
        var clock = Stopwatch.StartNew();
        while (CountRows(rowsFile) < rows)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"not {rows} rows recorded; stderr: {live.Error}; stdout: {live.Output}");
            Thread.Sleep(100);
        }
    }

    private static int CountRows(string csv)
    {
        try
        {
            using var stream = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            int lines = 0;
            while (reader.ReadLine() is not null)
            {
                lines++;
            }

            return Math.Max(0, lines - 1);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private static void RunFfmpeg(params string[] args)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", args) { UseShellExecute = false })!;
        ffmpeg.WaitForExit();
        Assert.Equal(0, ffmpeg.ExitCode);
    }

    private static int CountVideoFrames(string path)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var probe = Process.Start(start)!;
        string text = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();
        return int.Parse(text, CultureInfo.InvariantCulture);
    }
}
