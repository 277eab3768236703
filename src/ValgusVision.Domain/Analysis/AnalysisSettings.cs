using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Every threshold and default of the analysis, in one place, each with where it comes from. Reports print these
/// values so a number can always be traced back to the settings that produced it.
/// </summary>
public sealed record AnalysisSettings
{
    public static AnalysisSettings Default { get; } = new();

    /// <summary>Exercise to analyse; <see cref="Exercise.Auto"/> picks one from the motion.</summary>
    public Exercise Exercise { get; init; } = Exercise.Auto;

    /// <summary>Thresholds and cut-offs of the weight-bearing lunge test (<see cref="Exercise.AnkleLunge"/>), with their sources.</summary>
    public Ankle.AnkleLungeSettings Ankle { get; init; } = Domain.Ankle.AnkleLungeSettings.Default;

    /// <summary>What the lunge test reads of these settings (its thresholds and the session-wide values it shares).</summary>
    public Ankle.LungeAnalysisSettings Lunge => new(Ankle, VisibilityGate, SignalSmoothingSeconds, StanceOverride);

    /// <summary>Stance leg forced by the user (<c>--side</c>); null = detected per rep.</summary>
    public Side? StanceOverride { get; init; }

    /// <summary>The person's height, to report hip shift in centimetres; null = percent of leg length only.</summary>
    public double? HeightCm { get; init; }

    /// <summary>
    /// A landmark below this visibility makes every metric that needs it undefined. 0.5 is docs/metrics.md's default and
    /// the cut-off MediaPipe's own drawing utilities use to hide landmarks.
    /// </summary>
    public double VisibilityGate { get; init; } = 0.5;

    /// <summary>
    /// FPPA is undefined when the thigh or shank looks shorter than this fraction of its standing length (the limb
    /// points at or away from the camera). 0.35 from docs/metrics.md: a deep single-leg squat foreshortens the thigh to
    /// about 0.5–0.7, a real frontal lunge's rear thigh goes far below 0.35 and gives nonsense angles.
    /// </summary>
    public double ForeshorteningLimit { get; init; } = 0.35;

    /// <summary>
    /// A knee FPPA beyond ± this many degrees is <see cref="MeasureStatus.Implausible"/>. In single-leg squats and
    /// landings the published group means lie around 5–15° and individual values rarely exceed about 30° (Willson &amp;
    /// Davis 2008; Munro, Herrington &amp; Carolan 2012); 45° leaves half as much again for the most extreme valgus
    /// collapse, while the wrong-joint readings of a pose model on real videos (−70° to −160°) lie far beyond it.
    /// </summary>
    public double MaxPlausibleFppaDeg { get; init; } = 45.0;

    /// <summary>
    /// A thigh or shank longer than this multiple of its standing length is <see cref="MeasureStatus.Implausible"/>:
    /// bones do not stretch, and a limb squarest to the camera is at its standing length; 1.3 leaves room for landmark
    /// jitter and a standing length read from a slightly bent leg (our choice).
    /// </summary>
    public double MaxLimbStretch { get; init; } = 1.3;

    /// <summary>
    /// A hip, knee or ankle that moved more than this many standing leg lengths per second since the previous frame
    /// makes the leg's angle <see cref="MeasureStatus.Implausible"/>. Six leg lengths (≈ 5 m/s for a 0.9 m leg) is above
    /// the joint speeds of squats, lunges and drop-jump landings (take-off and touch-down ≈ 2–3 m/s); faster means
    /// the model jumped to another limb or person (our choice; not meant for sprinting).
    /// </summary>
    public double MaxJointSpeedLegsPerSecond { get; init; } = 6.0;

    /// <summary>
    /// A hip, knee or ankle closer than this fraction of the picture's width or height to its edge, or outside it, is
    /// <see cref="MeasureStatus.OutOfFrame"/>: the model extrapolates a joint it cannot see (1 %, our choice: two or
    /// three landmark-jitter widths).
    /// </summary>
    public double FrameEdgeMargin { get; init; } = 0.01;

    /// <summary>
    /// FPPA at or above this is a valgus event. Normative single-leg-squat and landing FPPA values in healthy,
    /// active people sit roughly between 5° and 12° and are higher in women than in men (Munro, Herrington &amp;
    /// Carolan 2012; Herrington &amp; Munro 2010). We chose 10° for everyone — near the upper end for men and the middle
    /// for women — as the single default a coach can read, and make it configurable (<c>--threshold</c>) for
    /// sex- and task-specific limits.
    /// </summary>
    public double ValgusThresholdDeg { get; init; } = 10.0;

    /// <summary>
    /// An event must stay at or above the threshold this long (docs/metrics.md default). 100 ms is three frames at 30 fps:
    /// shorter spikes are within single-frame landmark jitter.
    /// </summary>
    public double EventMinDurationSeconds { get; init; } = 0.100;

    /// <summary>
    /// An event ends only when FPPA falls this far below the threshold. Our choice: about the frame-to-frame jitter
    /// of FPPA from BlazePose knees (≈2 px at the knee on a 640-px-tall person ≈ 1–2°), so jitter cannot split one
    /// event into several.
    /// </summary>
    public double EventHysteresisDeg { get; init; } = 2.0;

    /// <summary>
    /// Body turned further than this from the camera (from the world hip and shoulder lines) flags the frame's FPPA
    /// as misleading. 15° from docs/metrics.md ("Quality and trust"): the projected angle grows with camera rotation beyond that.
    /// </summary>
    public double ViewWarningYawDeg { get; init; } = 15.0;

    /// <summary>
    /// Depth (% of leg length) at which the knee valgus shift is read on the way down (docs/metrics.md, after Uhlár et al.'s
    /// fixed-depth "Dynaknee" measure).
    /// </summary>
    public double ValgusShiftDepthPct { get; init; } = 15.0;

    /// <summary>
    /// Squat rep starts when depth rises past this (% of leg length). Our choice: above standing sway (mid-hip
    /// bobs ≈1–2 % of leg length when standing on one leg) and below any squat worth counting.
    /// </summary>
    public double RepStartDepthPct { get; init; } = 5.0;

    /// <summary>Squat rep ends when depth falls back below this: the hysteresis band against jitter (our choice).</summary>
    public double RepEndDepthPct { get; init; } = 3.0;

    /// <summary>
    /// A squat rep must reach this depth. Our choice: a 45–60° knee bend, the usual single-leg-squat test depth,
    /// lowers the hip by well over 10 % of leg length; shallower dips are balance corrections.
    /// </summary>
    public double RepMinDepthPct { get; init; } = 10.0;

    /// <summary>
    /// Shortest rep of any exercise. Our choice: even a fast single-leg squat takes over a second; 0.4 s rejects
    /// jitter and stumbles without losing real reps.
    /// </summary>
    public double RepMinDurationSeconds { get; init; } = 0.4;

    /// <summary>
    /// Window of the centred moving average applied to the signal reps are segmented from (not to the reported
    /// metrics). 0.1 s is three frames at 30 fps: removes landmark jitter, keeps a squat's bottom in place.
    /// </summary>
    public double SignalSmoothingSeconds { get; init; } = 0.1;

    /// <summary>
    /// Stance leg = the leg whose ankle is lower (in the image) by more than this % of leg length. Our choice: a foot
    /// held clearly off the floor is 5 cm or more up; landmark jitter is 1–2 % of leg length.
    /// </summary>
    public double StanceMarginPct { get; init; } = 5.0;

    /// <summary>Hinge rep starts when trunk flexion passes this (degrees from vertical; our choice).</summary>
    public double HingeStartDeg { get; init; } = 20.0;

    /// <summary>Hinge rep ends when trunk flexion falls back below this (hysteresis; our choice).</summary>
    public double HingeEndDeg { get; init; } = 10.0;

    /// <summary>
    /// A hinge rep must bend the trunk at least this far. Our choice: a single-leg RDL takes the trunk towards
    /// horizontal; under 30° it is a wobble, not a hinge.
    /// </summary>
    public double HingeMinPeakDeg { get; init; } = 30.0;

    /// <summary>Hip-hitch rep starts when the free side's hip rises past this angle above horizontal (our choice).</summary>
    public double HitchStartDeg { get; init; } = 3.0;

    /// <summary>Hip-hitch rep ends when the pelvis falls back below this (hysteresis; our choice).</summary>
    public double HitchEndDeg { get; init; } = 1.5;

    /// <summary>
    /// A hip-hitch rep must lift the free side at least this far. Our choice: a full hitch tilts the pelvis by
    /// roughly 5–10°; 4° keeps small but real reps.
    /// </summary>
    public double HitchMinPeakDeg { get; init; } = 4.0;

    /// <summary>Pelvis within this many degrees of the rep's highest position counts as "held at the top" (our choice).</summary>
    public double HitchHoldToleranceDeg { get; init; } = 1.5;

    /// <summary>
    /// Drop jump: both ankles higher than the floor level by more than this (% of leg length) = feet off the floor.
    /// Our choice: a drop box is 30 cm or more (≈35 % of leg length); 5 % clears landmark jitter.
    /// </summary>
    public double FlightClearancePct { get; init; } = 5.0;

    /// <summary>Drop jump: ankles within this (% of leg length) of floor level = in contact (our choice).</summary>
    public double ContactTolerancePct { get; init; } = 3.0;

    /// <summary>
    /// Frame rates below this make a rep's quality flag say so: a 100 ms event is then fewer than 2.5 frames.
    /// 25 fps is the lowest common video rate.
    /// </summary>
    public double MinFrameRateHz { get; init; } = 25.0;

    /// <summary>
    /// Hip-joint-to-ankle length as a fraction of standing height, for centimetres: thigh 0.245 H + shank 0.246 H
    /// (Winter, Biomechanics and Motor Control of Human Movement, segment lengths).
    /// </summary>
    public double LegLengthFractionOfHeight { get; init; } = 0.491;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        Require(VisibilityGate is >= 0 and <= 1, nameof(VisibilityGate), "must be between 0 and 1");
        Require(ForeshorteningLimit is >= 0 and < 1, nameof(ForeshorteningLimit), "must be between 0 and 1");
        Require(MaxPlausibleFppaDeg is > 0 and <= 180, nameof(MaxPlausibleFppaDeg), "must be above 0 and at most 180");
        Require(MaxLimbStretch > 1 && double.IsFinite(MaxLimbStretch), nameof(MaxLimbStretch), "must be above 1");
        Require(MaxJointSpeedLegsPerSecond > 0 && double.IsFinite(MaxJointSpeedLegsPerSecond), nameof(MaxJointSpeedLegsPerSecond), "must be positive");
        Require(FrameEdgeMargin is >= 0 and < 0.5, nameof(FrameEdgeMargin), "must be between 0 and 0.5");
        Require(double.IsFinite(ValgusThresholdDeg) && ValgusThresholdDeg is > -90 and < 90, nameof(ValgusThresholdDeg), "must be between -90 and 90 degrees");
        Require(EventMinDurationSeconds >= 0, nameof(EventMinDurationSeconds), "must not be negative");
        Require(EventHysteresisDeg >= 0, nameof(EventHysteresisDeg), "must not be negative");
        Require(RepEndDepthPct < RepStartDepthPct, nameof(RepEndDepthPct), "must be below RepStartDepthPct");
        Require(RepMinDepthPct >= RepStartDepthPct, nameof(RepMinDepthPct), "must be at least RepStartDepthPct");
        Require(HingeEndDeg < HingeStartDeg, nameof(HingeEndDeg), "must be below HingeStartDeg");
        Require(HitchEndDeg < HitchStartDeg, nameof(HitchEndDeg), "must be below HitchStartDeg");
        Require(RepMinDurationSeconds >= 0, nameof(RepMinDurationSeconds), "must not be negative");
        Ankle.Validate();
        Require(HeightCm is null or (> 50 and < 300), nameof(HeightCm), "must be a person's height in centimetres (50–300)");
    }

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"analysis setting {name} {problem}", name);
        }
    }
}
