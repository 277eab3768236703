using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// AlignmentPointsRectsCalculator (docs/pose-pipeline.md#detection-to-roi): a square rect centred on the centre point, side twice the
/// centre→scale-point distance, rotated so the scale point lies straight "up" (target angle 90°). Pixels.
/// </summary>
public static class AlignmentPoints
{
    private const float TargetAngle = MathF.PI / 2f;

    public static RotatedRoi ToRect(float centerX, float centerY, float scaleX, float scaleY)
    {
        float dx = scaleX - centerX;
        float dy = scaleY - centerY;
        float side = 2f * MathF.Sqrt(dx * dx + dy * dy);

        // Image y points down, so the y difference is negated to get a counter-clockwise angle.
        float rotation = NormalizeRadians(TargetAngle - MathF.Atan2(-dy, dx));
        return new RotatedRoi(centerX, centerY, side, side, rotation);
    }

    /// <summary>Wraps an angle into [−π, π).</summary>
    public static float NormalizeRadians(float angle) =>
        angle - 2f * MathF.PI * MathF.Floor((angle + MathF.PI) / (2f * MathF.PI));
}
