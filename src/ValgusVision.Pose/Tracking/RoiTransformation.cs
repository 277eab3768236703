using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// RectTransformationCalculator as the pose graph configures it (docs/pose-pipeline.md#detection-to-roi): square_long, then both
/// sides × 1.25; no shift, no extra rotation, no clipping to the image. The scale is a setting (an accuracy lever of
/// issue 12, docs/accuracy.md); 1.25 is MediaPipe's.
/// </summary>
public static class RoiTransformation
{
    public const float Scale = 1.25f;

    public static RotatedRoi ScaleSquareLong(RotatedRoi rect, float scale = Scale)
    {
        float longSide = MathF.Max(rect.Width, rect.Height);
        return rect with
        {
            Width = longSide * scale,
            Height = longSide * scale,
            RotationRadians = AlignmentPoints.NormalizeRadians(rect.RotationRadians),
        };
    }
}
