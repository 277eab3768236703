namespace ValgusVision.Domain.Pose;

/// <summary>A rotated rectangle in pixels of the frame; rotation in radians, clockwise positive (image y points down).</summary>
public readonly record struct RotatedRoi(float CenterX, float CenterY, float Width, float Height, float RotationRadians);
