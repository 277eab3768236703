using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The skeleton's bones, as both overlays draw them (the Skia overlay video and the live window): shoulders, arms,
/// trunk, legs and feet (BlazePose's face and hand points are left out: they carry nothing this tool measures). The
/// hip-to-hip line is not a bone here: the Skia overlay draws it as the pelvic line, coloured by pelvic drop.
/// </summary>
public static class SkeletonBones
{
    private static readonly (BodyLandmark A, BodyLandmark B)[] PairsArray =
    [
        (BodyLandmark.LeftShoulder, BodyLandmark.RightShoulder),
        (BodyLandmark.LeftShoulder, BodyLandmark.LeftElbow),
        (BodyLandmark.LeftElbow, BodyLandmark.LeftWrist),
        (BodyLandmark.RightShoulder, BodyLandmark.RightElbow),
        (BodyLandmark.RightElbow, BodyLandmark.RightWrist),
        (BodyLandmark.LeftShoulder, BodyLandmark.LeftHip),
        (BodyLandmark.RightShoulder, BodyLandmark.RightHip),
        (BodyLandmark.LeftHip, BodyLandmark.LeftKnee),
        (BodyLandmark.LeftKnee, BodyLandmark.LeftAnkle),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftHeel),
        (BodyLandmark.LeftHeel, BodyLandmark.LeftFootIndex),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftFootIndex),
        (BodyLandmark.RightHip, BodyLandmark.RightKnee),
        (BodyLandmark.RightKnee, BodyLandmark.RightAnkle),
        (BodyLandmark.RightAnkle, BodyLandmark.RightHeel),
        (BodyLandmark.RightHeel, BodyLandmark.RightFootIndex),
        (BodyLandmark.RightAnkle, BodyLandmark.RightFootIndex),
    ];

    /// <summary>Every bone once; a span, so drawing loops over it without allocating.</summary>
    public static ReadOnlySpan<(BodyLandmark A, BodyLandmark B)> Pairs => PairsArray;
}
