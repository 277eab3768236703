using System.Globalization;
using System.Text;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;
using ValgusVision.Live.Drill;
using ValgusVision.Rendering.Reports;
using ValgusVision.Video;

namespace ValgusVision.Live.Session;

/// <summary>
/// <c>--record DIR</c>: streams the processed camera frames to <c>camera.recording.mp4</c> and their poses and live
/// metrics to <c>frames.recording.csv</c> while the session runs (row n is video frame n), then at the end renames the
/// video to <c>camera.mp4</c> and writes what <c>valgus analyze</c> would, through the same report builder
/// (<see cref="ReportExports"/>): frames.csv with the offline metrics, reps.csv, report.json, .html and .pdf (and
/// attempts.csv for the lunge test), plus drill.csv for the drill.
/// <para>
/// Crash-safe: the video is fragmented MP4 (see <see cref="VideoEncoders.CreateCrashSafe"/>) and every CSV row is
/// flushed as it is written, so a session killed outright (SIGKILL, a crash) leaves two readable files whose
/// ".recording" names say they were never finished: all rows, and the video up to the frame ffmpeg was encoding
/// (all of it when only this process died, as ffmpeg then ends the file itself).
/// </para>
/// </summary>
public sealed class LiveRecorder : IDisposable
{
    public const string VideoFile = "camera.mp4";
    public const string FramesFile = "frames.csv";
    public const string RecordingVideoFile = "camera.recording.mp4";
    public const string RecordingFramesFile = "frames.recording.csv";
    public const string RepsFile = "reps.csv";
    public const string ReportJsonFile = "report.json";
    public const string ReportHtmlFile = "report.html";
    public const string ReportPdfFile = "report.pdf";
    public const string DrillFile = "drill.csv";
    public const string DrillSummaryFile = "drill-summary.csv";
    public const string DrillHtmlFile = "drill-report.html";
    public const string DrillPdfFile = "drill-report.pdf";

    /// <summary>Every file a session writes into its folder (what <c>--force</c> removes before a new one).</summary>
    public static readonly IReadOnlyList<string> SessionFiles =
    [
        VideoFile, FramesFile, RecordingVideoFile, RecordingFramesFile, RepsFile, "attempts.csv",
        ReportJsonFile, ReportHtmlFile, ReportPdfFile, DrillFile, DrillSummaryFile, DrillHtmlFile, DrillPdfFile,
    ];

    /// <summary>Removes an earlier session's files from <paramref name="folder"/> (others, the user's own, stay).</summary>
    public static void RemovePreviousSession(string folder)
    {
        foreach (var name in SessionFiles)
        {
            File.Delete(Path.Combine(folder, name));
        }
    }

    private readonly string _folder;
    private readonly IVideoEncoder _encoder;
    private readonly StreamWriter _csvStream;
    private readonly FramesCsvWriter _csv;
    private readonly List<PoseFrame> _poses = [];
    private bool _finished;
    private double? _firstTime;
    private DateTimeOffset? _firstFrameUtc;

    public LiveRecorder(string folder, int width, int height, double framesPerSecond)
    {
        _folder = folder;
        try
        {
            Directory.CreateDirectory(folder);
            _csvStream = new StreamWriter(Path.Combine(folder, RecordingFramesFile), append: false, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--record {folder}: cannot write there: {e.Message}", e);
        }

        _csv = new FramesCsvWriter(_csvStream);
        _csv.WriteHeader();
        _csvStream.Flush();
        try
        {
            _encoder = VideoEncoders.CreateCrashSafe(Path.Combine(folder, RecordingVideoFile), width, height, framesPerSecond, PixelFormat.Bgr24, VideoEncoders.FindFfmpeg());
        }
        catch
        {
            // No recording without its video: leave nothing behind that looks like one.
            _csvStream.Dispose();
            File.Delete(Path.Combine(folder, RecordingFramesFile));
            throw;
        }
    }

    public string Folder => _folder;

    public int FramesWritten => _poses.Count;

    /// <summary>The poses recorded so far (what the final analysis runs over).</summary>
    public IReadOnlyList<PoseFrame> Poses => _poses;

    /// <summary>Appends one frame: to the video first, then its row (flushed), so the rows never outnumber the frames.</summary>
    /// <exception cref="IOException">The video or CSV could not be written (ffmpeg died, disk full); the session should end.</exception>
    public void Write(VideoFrame frame, PoseFrame pose, FrameMetrics metrics)
    {
        // The recording's clock starts at its first frame, as its video's timestamps do (Finish retimes the video with
        // these): time_s of row n is frame n's time in camera.mp4, and frame is n (the session's poses are numbered so).
        _firstTime ??= pose.TimeSeconds;
        // The recording date is this recorder's own: the wall clock when its first frame arrived (report.json recordedAt, source live).
        _firstFrameUtc ??= DateTimeOffset.UtcNow;
        pose = pose with { TimeSeconds = pose.TimeSeconds - _firstTime.Value };
        metrics = metrics with { TimeSeconds = pose.TimeSeconds };
        _encoder.Write(frame.Pixels.Span, frame.StrideBytes);
        _csv.WriteRow(pose, metrics);
        // One write call per row (≈ 1 kB): cheap at camera rates, and a killed process loses no row.
        _csvStream.Flush();
        _poses.Add(pose);
    }

    /// <summary>
    /// Completes the video and writes the reports. <paramref name="incompleteReason"/> says why the session ended
    /// early (camera lost), printed in the reports.
    /// </summary>
    public IReadOnlyList<string> Finish(SessionAnalysis analysis, LiveOptions options, DrillResult? drill, string sourceName, string? incompleteReason, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var written = new List<string>();
        _finished = true;
        _csvStream.Flush();
        _csvStream.Dispose();
        var notes = new List<string>(warnings);
        if (_encoder.FramesWritten > 0)
        {
            string video = Path.Combine(_folder, VideoFile);
            try
            {
                _encoder.Complete();
                FinishVideo(video, notes);
                written.Add(video);
            }
            catch (IOException e)
            {
                // The fragments written so far stay readable under the ".recording" name; say so rather than fail.
                notes.Add($"the camera video could not be finished ({e.Message}); what was recorded is in {RecordingVideoFile}");
                written.Add(_encoder.OutputPath);
            }
        }

        // The streamed rows carry the live metrics; the saved files get the offline ones, through the same report
        // builder as analyze (frames.csv, reps.csv, attempts.csv for the lunge test, report.json, .html and .pdf).
        var context = new ReportContext
        {
            Input = sourceName,
            Session = options.Session,
            Poses = _poses,
            Kind = SourceKind.Camera,
            Complete = incompleteReason is null,
            IncompleteReason = incompleteReason,
            Warnings = notes,
            FrameTimes = "capture clock (live session: frames dropped while processing was busy are not recorded)",
            ExtraSettings = Settings(options, drill),
            Recorded = _firstFrameUtc is { } first ? new RecordingTime(first, RecordingTimeSource.Live) : null,
        };
        ReportExports.Write(context, analysis, new OutputPaths(_folder, string.Empty), OutputFormats.Csv | OutputFormats.Json | OutputFormats.Html | OutputFormats.Pdf, written);
        File.Delete(Path.Combine(_folder, RecordingFramesFile));
        if (drill is not null)
        {
            WriteDrill(drill, sourceName, incompleteReason, written);
        }

        return written;
    }

    /// <summary>
    /// camera.mp4 with the frames' own timestamps (variable frame rate) when ffmpeg made the recording; else (OpenCV's
    /// fallback, or the retiming failed) the constant-rate recording as it is, and a note in the reports saying so.
    /// </summary>
    private void FinishVideo(string video, List<string> notes)
    {
        if (RecordingVideo.FfmpegFor(_encoder) is { } ffmpeg && _poses.Count == _encoder.FramesWritten)
        {
            try
            {
                RecordingVideo.WriteRetimed(ffmpeg, _encoder.OutputPath, video, _poses.Select(p => p.TimeSeconds).ToList());
                File.Delete(_encoder.OutputPath);
                return;
            }
            catch (IOException e)
            {
                notes.Add($"camera.mp4 plays at a constant rate, not at the frames' capture times ({e.Message}); frames.csv's time_s has the real times");
            }
        }
        else
        {
            notes.Add("camera.mp4 plays at a constant rate, not at the frames' capture times (recorded without ffmpeg); frames.csv's time_s has the real times");
        }

        File.Move(_encoder.OutputPath, video, overwrite: true);
    }

    /// <summary>
    /// Without <see cref="Finish"/> (the session failed) the ".recording" files are kept as they are, readable; only a
    /// recording without a single frame is removed.
    /// </summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _csvStream.Dispose();
        }

        _encoder.Dispose();
        if (!_finished && _poses.Count == 0)
        {
            File.Delete(Path.Combine(_folder, RecordingFramesFile));
            File.Delete(Path.Combine(_folder, RecordingVideoFile));
        }
    }

    /// <summary>The drill's own outputs: its trials and per-leg summary as two CSVs, and its report (HTML, PDF).</summary>
    private void WriteDrill(DrillResult drill, string sourceName, string? incompleteReason, List<string> written)
    {
        var report = DrillReports.From(drill, sourceName, DateTimeOffset.UtcNow, ReportExports.ToolVersion, incompleteReason);
        (string Name, Action<string> Write)[] outputs =
        [
            (DrillFile, path => File.WriteAllText(path, Csv(w => DrillCsv.WriteTrials(drill, w)))),
            (DrillSummaryFile, path => File.WriteAllText(path, Csv(w => DrillCsv.WriteSummary(drill, w)))),
            (DrillHtmlFile, path => DrillHtmlReportWriter.WriteFile(report, path)),
            (DrillPdfFile, path => DrillPdfReportWriter.WriteFile(report, path)),
        ];
        foreach (var (name, write) in outputs)
        {
            string path = Path.Combine(_folder, name);
            AtomicOutput.Write(path, write);
            written.Add(path);
        }
    }

    private static string Csv(Action<TextWriter> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }

    private List<KeyValuePair<string, string>> Settings(LiveOptions options, DrillResult? drill)
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("recorded video", _encoder.Description),
            new("live mode", options.Mode.ToString().ToLowerInvariant()),
        };
        if (drill is not null)
        {
            settings.Add(new("drill: trials per leg", options.DrillTrials.ToString(CultureInfo.InvariantCulture)));
            foreach (var side in new[] { drill.Left, drill.Right })
            {
                settings.Add(new($"drill: {side.Side.ToName()} leg position-sense error", side.Describe()));
            }
        }

        return settings;
    }
}
