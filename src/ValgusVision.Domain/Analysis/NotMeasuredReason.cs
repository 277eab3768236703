namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Why a rep's (or a whole recording's) knee angle was not measured: the honest answer that replaces a number, and a
/// "0 valgus events" that would only mean nothing could be seen.
/// </summary>
public enum NotMeasuredReason
{
    /// <summary>The measured leg's hip, knee or ankle was outside the picture or cut by its edge.</summary>
    OutOfFrame,

    /// <summary>The measured leg was hidden (below the visibility gate).</summary>
    Hidden,

    /// <summary>The pose model's leg was not one a body makes (<see cref="ImplausibleReason"/>).</summary>
    Implausible,

    /// <summary>The thigh or shank pointed at or away from the camera.</summary>
    Foreshortened,

    /// <summary>No person was found, or the landmarks gave no angle.</summary>
    NoPose,

    /// <summary>Neither foot was clearly off the floor, so the standing leg was not known.</summary>
    StanceUnknown,

    /// <summary>The measured person was out of view or hidden, and the one found was someone else (not measured rather than switched).</summary>
    SubjectLost,
}

public static class NotMeasuredReasons
{
    /// <summary>The reason for a frame's status; null for <see cref="MeasureStatus.Measured"/>.</summary>
    public static NotMeasuredReason? From(MeasureStatus status) => status switch
    {
        MeasureStatus.Measured => null,
        MeasureStatus.OutOfFrame => NotMeasuredReason.OutOfFrame,
        MeasureStatus.LowVisibility => NotMeasuredReason.Hidden,
        MeasureStatus.Implausible => NotMeasuredReason.Implausible,
        MeasureStatus.Foreshortened => NotMeasuredReason.Foreshortened,
        MeasureStatus.SubjectLost => NotMeasuredReason.SubjectLost,
        _ => NotMeasuredReason.NoPose,
    };

    /// <summary>CSV and JSON name.</summary>
    public static string ToName(this NotMeasuredReason reason) => reason switch
    {
        NotMeasuredReason.OutOfFrame => "out-of-frame",
        NotMeasuredReason.Hidden => "hidden",
        NotMeasuredReason.Implausible => "implausible",
        NotMeasuredReason.Foreshortened => "foreshortened",
        NotMeasuredReason.NoPose => "no-pose",
        NotMeasuredReason.SubjectLost => "subject-lost",
        _ => "stance-unknown",
    };

    /// <summary>Plain words that follow "not measured: ".</summary>
    public static string Describe(this NotMeasuredReason reason) => reason switch
    {
        NotMeasuredReason.OutOfFrame => "the leg was cut by the edge of the picture — film the whole body, feet included",
        NotMeasuredReason.Hidden => "the leg was hidden — keep hip, knee and foot in view",
        NotMeasuredReason.Implausible => "the pose model placed the leg where no leg can be",
        NotMeasuredReason.Foreshortened => "the thigh or shank pointed at the camera",
        NotMeasuredReason.NoPose => "no person was found",
        NotMeasuredReason.SubjectLost => "the measured person was out of view or hidden and only someone else was seen — keep others out of view",
        _ => "the standing leg could not be told (neither foot clearly off the floor); use --side",
    };
}
