using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Smoothing;

namespace ValgusVision.Pose;

/// <summary>
/// Settings of <see cref="BlazePoseEstimator"/>. Defaults are MediaPipe Pose's (legacy solution, model_complexity 1),
/// except <see cref="Subject"/> (see <see cref="SubjectSelection"/>) and the ORT threading (docs/speed.md).
/// </summary>
public sealed record BlazePoseOptions
{
    /// <summary>Which landmark model to load from the models folder, when <see cref="LandmarkModelPath"/> is not set.</summary>
    public PoseModelKind Model { get; init; } = PoseModelKind.Full;

    /// <summary>Any ONNX file with the BlazePose landmark model's inputs and outputs; overrides <see cref="Model"/>.</summary>
    public string? LandmarkModelPath { get; init; }

    /// <summary>The pose detector ONNX file; default: pose_detection.onnx in the models folder.</summary>
    public string? DetectorModelPath { get; init; }

    /// <summary>Where to look for the default model files; default: the repository's models/ folder (searched upwards).</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Detector score threshold (kept when score ≥ this). MediaPipe's min_detection_confidence, 0.5.</summary>
    public float MinDetectionConfidence { get; init; } = 0.5f;

    /// <summary>Pose-presence threshold (present when score &gt; this). MediaPipe's min_tracking_confidence, 0.5.</summary>
    public float MinTrackingConfidence { get; init; } = 0.5f;

    /// <summary>One-Euro smoothing of body and world landmarks (MediaPipe's smooth_landmarks). Off in static mode.</summary>
    public bool Smoothing { get; init; } = true;

    /// <summary>Run the detector on every frame and keep no state between frames except the subject lock.</summary>
    public bool StaticImageMode { get; init; }

    public SubjectSelection Subject { get; init; } = SubjectSelection.LockOnSubject;

    /// <summary>
    /// The subject lock's reach: a person whose hip centre is farther than this many body sizes from the locked
    /// subject's last one is someone else (<see cref="Tracking.SubjectSelector"/>). Used with <see cref="SubjectSelection.LockOnSubject"/>.
    /// </summary>
    public float SubjectMaxJumpBodySizes { get; init; } = Tracking.SubjectSelector.DefaultMaxJumpBodySizes;

    /// <summary>How long after its last sighting the lock keeps refusing other people; after that the first-lock rule picks afresh.</summary>
    public double SubjectLockSeconds { get; init; } = Tracking.SubjectSelector.DefaultLockSeconds;

    /// <summary>
    /// How often the people count runs (<see cref="Tracking.PeopleCounter"/>: the detector on tiles of the frame), in
    /// seconds of video: on the first frame, then on the first frame at least this long after the last
    /// count. 0 turns it off: then only the subject's own detections count, with the whole frame only (MediaPipe's
    /// schedule). One second costs three detector runs a second on 16:9 video: +0.9 ms a 30 fps 720p frame on a quiet
    /// machine, estimated from +4.5 ms (+6.5 %) measured under load 30, where a count took 128 ms and a tracking frame
    /// 66 ms (`pose-frames 300 nocount:models models`, 2026-12-04).
    /// </summary>
    public double PeopleCountIntervalSeconds { get; init; } = 1;

    /// <summary>
    /// When the detector finds nobody on the whole frame, look again in square tiles of the frame's short side (as
    /// the people count does) before giving up on the frame. The whole-frame letterbox shrinks a 1280×720 frame to
    /// 224 px: a person 40 % of the frame's height (a camera a few metres back) was never found, on any of the 149
    /// frames of the bundled sample scaled into the middle of a grey 1280×720 frame, and body B's resolution set lost
    /// its first rep at 34 % framing because nobody was found before frame 77. Costs three more detector runs, only on
    /// frames where nobody was found. Off in MediaPipe's mode (<see cref="SubjectSelection.HighestScore"/>).
    /// </summary>
    public bool DetectInTiles { get; init; } = true;

    /// <summary>The crop convention: MediaPipe's CPU one by default; <see cref="CropSampling.PixelCentres"/> matches its web build.</summary>
    public CropSampling CropSampling { get; init; } = CropSampling.CornerAligned;

    /// <summary>ORT intra-op threads; <see cref="DefaultIntraOpThreads"/> unless set.</summary>
    public int IntraOpThreads { get; init; } = DefaultIntraOpThreads;

    /// <summary>
    /// One ORT thread on a machine of up to 2 cores, else 2. Measured on 2 cores (docs/speed.md, 2026-11-26, quiet): a
    /// 720p tracking frame takes 10.9–11.0 ms on one thread against 12.0–12.2 ms on two that sleep between the model's
    /// ~100 parallel steps (each wake-up costs more than the step gains), and one thread leaves the other core to
    /// decoding, drawing and encoding: `analyze` ran 72–81 fps instead of 64–83 (csv, json) and 41 instead of 37–38 fps
    /// (all formats). Machines with more cores were not measured; 2 threads there is ORT's ordinary choice.
    /// </summary>
    public static int DefaultIntraOpThreads { get; } = Environment.ProcessorCount <= 2 ? 1 : 2;

    /// <summary>
    /// Let ORT's pool threads spin between a run's parallel steps and for a moment after it instead of sleeping. Off
    /// by default: a spinning thread holds a core that decoding, drawing and encoding on the same 2 cores need;
    /// on when the pose model has the cores to itself (docs/speed.md has both).
    /// </summary>
    public bool ThreadSpinning { get; init; }

    /// <summary>Where ONNX Runtime runs both models (<c>--device</c>); the CPU unless asked. Ignored when session options are passed in.</summary>
    public Runtime.ExecutionDevice Device { get; init; } = Runtime.ExecutionDevice.Cpu;

    /// <summary>
    /// Flip averaging: the landmark model also runs on the mirrored ROI and the two are averaged with left and right
    /// swapped (<see cref="Landmarks.FlipAveraging"/>). Off here: it doubles the landmark model's work; the product turns it
    /// on for recorded frontal analyses (ValgusVision.App's PoseLevers); what it buys is measured in docs/accuracy.md.
    /// </summary>
    public bool FlipAveraging { get; init; }

    /// <summary>
    /// With flip averaging, run the mirrored crop and inference on a second thread beside the plain ones (same ORT
    /// session, its own buffers), so its cost is mostly a second core's time, not the frame's. The numbers are the same
    /// either way (the same model on the same crops); off runs them one after the other, as before 2026-12-07.
    /// </summary>
    public bool ConcurrentFlip { get; init; } = true;

    /// <summary>Heatmap refinement window in cells of the 64×64 heatmap: odd, or 0 for none. 7 is MediaPipe's.</summary>
    public int HeatmapWindow { get; init; } = Landmarks.HeatmapRefiner.KernelSize;

    /// <summary>Side of the landmark ROI as a multiple of the detected body's extent. 1.25 is MediaPipe's (docs/pose-pipeline.md#detection-to-roi).</summary>
    public float RoiScale { get; init; } = Tracking.RoiTransformation.Scale;

    /// <summary>The body landmarks' One-Euro filter (used when <see cref="Smoothing"/> is on); MediaPipe's preset by default.</summary>
    public OneEuroFilterSettings BodySmoothing { get; init; } = OneEuroFilterSettings.BodyLandmarks;

    /// <summary>Body/world smoothing runs only outside static mode: MediaPipe's Python solution forces it off there.</summary>
    internal bool SmoothingActive => Smoothing && !StaticImageMode;
}
