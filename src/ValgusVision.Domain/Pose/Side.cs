namespace ValgusVision.Domain.Pose;

/// <summary>The person's own left or right (not the image's: facing the camera, the person's left is on the image's right).</summary>
public enum Side
{
    Left,
    Right,
}

public static class SideExtensions
{
    public static Side Opposite(this Side side) => side == Side.Left ? Side.Right : Side.Left;

    /// <summary>Lower-case name as used in CSV columns and on the command line ("left", "right").</summary>
    public static string ToName(this Side side) => side == Side.Left ? "left" : "right";

    /// <summary>Capitalised name for sentences ("Left", "Right").</summary>
    public static string ToTitle(this Side side) => side == Side.Left ? "Left" : "Right";

    public static BodyLandmark Shoulder(this Side side) => side == Side.Left ? BodyLandmark.LeftShoulder : BodyLandmark.RightShoulder;

    public static BodyLandmark Hip(this Side side) => side == Side.Left ? BodyLandmark.LeftHip : BodyLandmark.RightHip;

    public static BodyLandmark Knee(this Side side) => side == Side.Left ? BodyLandmark.LeftKnee : BodyLandmark.RightKnee;

    public static BodyLandmark Ankle(this Side side) => side == Side.Left ? BodyLandmark.LeftAnkle : BodyLandmark.RightAnkle;

    public static BodyLandmark Heel(this Side side) => side == Side.Left ? BodyLandmark.LeftHeel : BodyLandmark.RightHeel;

    public static BodyLandmark FootIndex(this Side side) => side == Side.Left ? BodyLandmark.LeftFootIndex : BodyLandmark.RightFootIndex;

    /// <summary>Parses "left"/"right" (any case, also "l"/"r"); null for anything else.</summary>
    public static Side? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "left" or "l" => Side.Left,
        "right" or "r" => Side.Right,
        _ => null,
    };
}
