namespace ValgusVision.Domain.Analysis;

/// <summary>What the person is doing; decides how reps are found (docs/metrics.md).</summary>
public enum Exercise
{
    /// <summary>Pick from the motion; the analysis says when it cannot decide.</summary>
    Auto,

    /// <summary>Reps from hip depth; FPPA of the stance knee at the bottom.</summary>
    SingleLegSquat,

    /// <summary>Single-leg hip hinge (1-leg RDL): reps from trunk flexion.</summary>
    Hinge,

    /// <summary>Hip hitch (pelvic drop): reps from the pelvis angle; range and time held at the top.</summary>
    HipHitch,

    /// <summary>Drop vertical jump, both feet: both knees at initial contact and at peak flexion.</summary>
    DropJump,

    /// <summary>
    /// Weight-bearing lunge test (knee to wall, heel down) from a side view: the front leg's tibial inclination per
    /// attempt, heel lift, best per side (Domain/Ankle).
    /// </summary>
    AnkleLunge,

    /// <summary>
    /// Double-leg (bilateral) squat filmed from the front, both feet down side by side: reps from hip depth, both
    /// knees' FPPA at the bottom and their left–right difference (<see cref="BothKneesMeasures"/>).
    /// </summary>
    DoubleLegSquat,

    /// <summary>
    /// Forward lunge filmed from the front, both feet down in a split stance: reps from hip depth, the front knee's
    /// FPPA at the bottom and which leg led (<see cref="FeetPlacement"/>).
    /// </summary>
    ForwardLunge,
}

public static class ExerciseNames
{
    /// <summary>Command-line/CSV name: auto, squat, hinge, hitch, drop-jump, ankle-lunge, double-leg-squat, forward-lunge.</summary>
    public static string ToName(this Exercise exercise) => exercise switch
    {
        Exercise.Auto => "auto",
        Exercise.SingleLegSquat => "squat",
        Exercise.Hinge => "hinge",
        Exercise.HipHitch => "hitch",
        Exercise.DropJump => "drop-jump",
        Exercise.AnkleLunge => "ankle-lunge",
        Exercise.DoubleLegSquat => "double-leg-squat",
        Exercise.ForwardLunge => "forward-lunge",
        _ => throw new ArgumentOutOfRangeException(nameof(exercise), exercise, "unknown exercise"),
    };

    /// <summary>Words for a person: "single-leg squat", "drop vertical jump".</summary>
    public static string ToTitle(this Exercise exercise) => exercise switch
    {
        Exercise.Auto => "automatic",
        Exercise.SingleLegSquat => "single-leg squat",
        Exercise.Hinge => "single-leg hinge",
        Exercise.HipHitch => "hip hitch",
        Exercise.DropJump => "drop vertical jump",
        Exercise.AnkleLunge => "weight-bearing lunge test",
        Exercise.DoubleLegSquat => "double-leg squat",
        Exercise.ForwardLunge => "forward lunge",
        _ => throw new ArgumentOutOfRangeException(nameof(exercise), exercise, "unknown exercise"),
    };

    /// <summary>Parses the names above and a few spellings (single-leg-squat, sls, rdl, djump, wblt, bilateral-squat, frontal-lunge); null when unknown.</summary>
    public static Exercise? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "auto" => Exercise.Auto,
        "squat" or "single-leg-squat" or "sls" or "singlelegsquat" => Exercise.SingleLegSquat,
        "hinge" or "single-leg-hinge" or "rdl" => Exercise.Hinge,
        "hitch" or "hip-hitch" or "hiphitch" or "pelvic-drop" => Exercise.HipHitch,
        "drop-jump" or "dropjump" or "djump" or "dvj" or "drop-vertical-jump" => Exercise.DropJump,
        // Not plain "lunge": it could mean the lunge test (ankle) or the forward lunge (knee); the user says which.
        "ankle-lunge" or "ankle" or "wblt" or "knee-to-wall" => Exercise.AnkleLunge,
        "double-leg-squat" or "double-squat" or "bilateral-squat" or "dls" => Exercise.DoubleLegSquat,
        "forward-lunge" or "frontal-lunge" or "front-lunge" => Exercise.ForwardLunge,
        _ => null,
    };
}
