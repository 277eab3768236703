using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// RectTransformationCalculator as the pose graph configures it (BLAZEPOSE.md §4 step 2): square_long, then both
/// sides × 1.25; no shift, no extra rotation, no clipping to the image.
/// </summary>
public static class RoiTransformation
{
    public const float Scale = 1.25f;

    public static RotatedRoi ScaleSquareLong(RotatedRoi rect)
    {
        float longSide = MathF.Max(rect.Width, rect.Height);
        return rect with
        {
            Width = longSide * Scale,
            Height = longSide * Scale,
            RotationRadians = AlignmentPoints.NormalizeRadians(rect.RotationRadians),
        };
    }
}
