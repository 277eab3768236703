namespace ValgusVision.Domain.Ankle;

/// <summary>
/// Thresholds of the weight-bearing lunge test (knee to wall, heel down), each with its source or the reason for our
/// choice. Reports print these values.
/// </summary>
/// <remarks>
/// Sources: Bennell K, Talbot R, Wajswelner H, Techovanich W, Kelly D, Hall AJ. Intra-rater and inter-rater
/// reliability of a weight-bearing lunge measure of ankle dorsiflexion. Aust J Physiother 1998;44:175–180 (tibial
/// angle from the vertical with an inclinometer: ICC 0.97–0.99, SEM about 1–3°; each centimetre of toe-to-wall
/// distance ≈ 3.6° of tibial inclination). Chisholm MD, Birmingham TB, Brown J, MacDermid J, Chesworth BM.
/// Reliability and validity of a weight-bearing measure of ankle dorsiflexion range of motion. Physiother Can
/// 2012;64:347–355 (minimal detectable change between limbs about 1.5 cm). The cut-off of about 35° / 9–10 cm is the
/// one commonly used clinically for "restricted" weight-bearing dorsiflexion.
/// </remarks>
public sealed record AnkleLungeSettings
{
    public static AnkleLungeSettings Default { get; } = new();

    /// <summary>Where the cut-offs come from, printed in every report beside them.</summary>
    public string Sources { get; init; } =
        "Bennell et al. 1998, Aust J Physiother 44:175-180 (tibial angle, 3.6°/cm); Chisholm et al. 2012, Physiother Can 64:347-355 (between-limb MDC 1.5 cm)";

    /// <summary>
    /// A best tibial inclination below this is "restricted" (degrees from vertical). About 35° ≈ 9–10 cm toe-to-wall,
    /// the usual clinical cut-off (see the remarks for the sources).
    /// </summary>
    public double RestrictedBelowDeg { get; init; } = 35.0;

    /// <summary>Tibial inclination per centimetre of toe-to-wall distance: 3.6° (Bennell et al. 1998).</summary>
    public double DegreesPerCentimetre { get; init; } = 3.6;

    /// <summary>
    /// Left–right difference that counts as a real asymmetry: the between-limb minimal detectable change of about
    /// 1.5 cm (Chisholm et al. 2012) × 3.6°/cm ≈ 5.4°.
    /// </summary>
    public double AsymmetryDeg { get; init; } = 5.4;

    /// <summary>
    /// The heel has lifted when both the heel landmark and the ankle centre rise above their standing heights by more
    /// than this % of the foot's length (heel→toe tip in the standing frames), for at least
    /// <see cref="HeelLiftMinFrames"/> frames in a row. A heel that comes up pivots the foot about the toes and takes
    /// the ankle with it (by about three quarters of the heel's rise), while with the heel down dorsiflexion turns
    /// about the ankle, which stays at its height. Requiring both rejects each landmark's own drift as the shank
    /// leans: on our rendered lunges with the heel down BlazePose's heel point slid up the back of the ankle by up to
    /// 23 % of foot length and its ankle point by up to 7.5 %, while a 39 mm heel lift raised both by 14–21 %
    /// (full and heavy models; samples/README.md, "Lunge samples"). 10 % (≈ 2.5 cm on a 25 cm foot) sits between
    /// the two: a clear lift of 3 cm or more is caught, a lift under about 2 cm cannot be told from the drift.
    /// </summary>
    public double HeelLiftPercentOfFoot { get; init; } = 10.0;

    /// <summary>Heel lift must last this many frames in a row (0.1 s at 30 fps): one jittery frame is not a lift.</summary>
    public int HeelLiftMinFrames { get; init; } = 3;

    /// <summary>
    /// An attempt starts when the front shank leans this many degrees beyond its standing inclination, and must reach
    /// <see cref="AttemptMinRiseDeg"/>. Our choice: a split stance sways by a few degrees; a lunge towards a wall moves
    /// the shank 15–40°.
    /// </summary>
    public double AttemptStartRiseDeg { get; init; } = 6.0;

    /// <summary>The attempt ends when the shank falls back within this of its standing inclination (hysteresis).</summary>
    public double AttemptEndRiseDeg { get; init; } = 3.0;

    /// <summary>A forward lunge must lean the shank at least this far beyond standing to count as an attempt.</summary>
    public double AttemptMinRiseDeg { get; init; } = 10.0;

    /// <summary>Shortest attempt: a knee-to-wall lunge takes over a second; 0.4 s rejects jitter and stumbles.</summary>
    public double AttemptMinDurationSeconds { get; init; } = 0.4;

    /// <summary>
    /// The body must be turned at least this far from a frontal view (from the world hip and shoulder lines; 90° =
    /// exactly side-on) for the shank's image angle to be its sagittal angle. 60° (30° off a side view) keeps the
    /// projected angle within a few degrees of the true one for a 35–45° shank (the tangent shrinks by cos 30°).
    /// </summary>
    public double MinSideViewDeg { get; init; } = 60.0;

    /// <summary>
    /// A floor line within this many degrees of the image horizontal is taken as level and not corrected. The floor
    /// line is the front foot's heel→toe line in the standing frames, and on a flat foot that line is not exactly
    /// the floor: the heel point sits a little above the toe point. With a level camera BlazePose's line lay at
    /// +2° on one of our rendered lunges and −1.5° on the other, so a tilt below 3° cannot be told from the foot's
    /// own pitch; beyond it the phone is tilted, and the angles are corrected and the report says so.
    /// </summary>
    public double TiltDeadBandDeg { get; init; } = 3.0;

    /// <summary>
    /// A tilt estimate whose standing frames spread more than this (interquartile range of the foot line's angle, in
    /// degrees) cannot be trusted: the angles are then reported for a level camera, with a warning. Our choice: the
    /// foot line of a still standing foot varies by about 1° frame to frame.
    /// </summary>
    public double MaxTiltSpreadDeg { get; init; } = 3.0;

    /// <summary>A tilt beyond this is not a phone on the floor any more (a rotated video, a wrong floor): not corrected, warned.</summary>
    public double MaxCorrectableTiltDeg { get; init; } = 15.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        Require(RestrictedBelowDeg is > 0 and < 90, nameof(RestrictedBelowDeg), "must be between 0 and 90 degrees");
        Require(DegreesPerCentimetre > 0, nameof(DegreesPerCentimetre), "must be positive");
        Require(AsymmetryDeg >= 0, nameof(AsymmetryDeg), "must not be negative");
        Require(HeelLiftPercentOfFoot > 0, nameof(HeelLiftPercentOfFoot), "must be positive");
        Require(AttemptEndRiseDeg < AttemptStartRiseDeg, nameof(AttemptEndRiseDeg), "must be below AttemptStartRiseDeg");
        Require(AttemptMinRiseDeg >= AttemptStartRiseDeg, nameof(AttemptMinRiseDeg), "must be at least AttemptStartRiseDeg");
        Require(MinSideViewDeg is >= 0 and <= 90, nameof(MinSideViewDeg), "must be between 0 and 90 degrees");
        Require(MaxCorrectableTiltDeg > TiltDeadBandDeg, nameof(MaxCorrectableTiltDeg), "must be above TiltDeadBandDeg");
        Require(HeelLiftMinFrames >= 1, nameof(HeelLiftMinFrames), "must be at least 1");
    }

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"ankle lunge setting {name} {problem}", name);
        }
    }
}
