using System.Text.Json;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Live.Session;
using ValgusVision.Pose;
using ValgusVision.Video;

namespace ValgusVision.Live.Tests;

/// <summary>
/// A camera that disappears mid-session (issue 6, bad input): the session ends with the reason, keeps what it
/// recorded and writes its report, for each way a camera can go: the read throws, the read fails, the read hangs.
/// Real frames of samples/sls-left-valgus15.mp4 through the lite model, so each test runs a few seconds.
/// </summary>
public sealed class CameraLostTests : IDisposable
{
    private const int FramesBeforeFailure = 45;
    private static readonly string Video = TestPaths.Sample("sls-left-valgus15.mp4");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "valgus-live-lost-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(CameraFailure.ReadThrows, LiveEndReason.CameraLost, "input 'test camera': VIDIOC_DQBUF: No such device")]
    [InlineData(CameraFailure.ReadFails, LiveEndReason.CameraLost, "camera 'test camera' stopped delivering frames")]
    [InlineData(CameraFailure.Hangs, LiveEndReason.CameraLost, "camera 'test camera' delivered no frame for 3 s")]
    [InlineData(CameraFailure.TimeGoesBack, LiveEndReason.Failed, "the session failed: frame ")]
    public void A_lost_camera_or_a_crash_ends_the_session_with_its_reason_and_a_complete_recording(CameraFailure failure, LiveEndReason ending, string reason)
    {
        using var camera = new FailingCamera(Video, FramesBeforeFailure, failure);
        var console = new StringWriter();
        // The time limit only stops a broken watchdog from hanging the test run; it must never be what ends it.
        var options = new LiveOptions("test camera", Headless: true, new SessionOptions { Model = new PoseModelChoice(PoseModelKind.Lite, null) }, LiveMode.Free, _folder, MaxSeconds: 60);

        var started = DateTimeOffset.UtcNow.AddSeconds(-1); // report.json keeps whole seconds
        var result = new LiveSession(options, console, _ => camera).Run(CancellationToken.None);
        var ended = DateTimeOffset.UtcNow;
        camera.Release();

        Assert.Equal(ending, result.EndReason);
        Assert.StartsWith(reason, result.LostReason);
        if (ending == LiveEndReason.CameraLost)
        {
            Assert.Equal(FramesBeforeFailure, result.FramesCaptured);
        }

        Assert.True(result.FramesProcessed > 0, "no frame was processed before the camera went");

        // Everything a finished session writes, under the final names; nothing unfinished left behind.
        string[] expected = ["camera.mp4", "frames.csv", "reps.csv", "report.json", "report.html", "report.pdf"];
        Assert.Equal(expected.Order(), Directory.GetFiles(_folder).Select(Path.GetFileName).Order()!);
        Assert.Equal(expected.Select(f => Path.Combine(_folder, f)).Order(), result.Written.Order());

        // One video frame per CSV row, one row per processed frame.
        int rows = File.ReadAllLines(Path.Combine(_folder, "frames.csv")).Length - 1;
        Assert.Equal(result.FramesProcessed, rows);
        Assert.Equal(rows, CountFrames(Path.Combine(_folder, "camera.mp4")));

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "report.json")));
        Assert.False(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(result.LostReason, report.RootElement.GetProperty("incompleteReason").GetString());
        Assert.Equal(rows, report.RootElement.GetProperty("input").GetProperty("frameCount").GetInt32());
        // The recorder's own clock dates the recording (its first frame), not a file's time.
        Assert.Equal("live", report.RootElement.GetProperty("recordedAtSource").GetString());
        Assert.InRange(DateTimeOffset.Parse(report.RootElement.GetProperty("recordedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture), started, ended);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(result.LostReason!), File.ReadAllText(Path.Combine(_folder, "report.html")));
    }

    private static int CountFrames(string path)
    {
        using var source = new VideoFileSource(path);
        using var frame = new VideoFrame();
        while (source.TryRead(frame))
        {
        }

        return source.FramesRead;
    }
}
