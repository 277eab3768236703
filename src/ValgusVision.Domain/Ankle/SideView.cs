using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The reverse of the frontal view check (<see cref="BodyYaw.OffAxisDegrees"/>): how far the body is turned from a
/// frontal view, 90° = exactly side-on (the shank's sagittal angle is then its image angle), 0° = facing the camera
/// or turned away from it.
/// </summary>
public static class SideView
{
    /// <summary>Degrees from a frontal view (0–90) for a body yaw from <see cref="BodyYaw.Degrees"/>.</summary>
    public static double DegreesFromFrontal(double yawDegrees) => BodyYaw.OffAxisDegrees(yawDegrees);

    /// <summary>True when the body is turned far enough from the camera for a sagittal measure.</summary>
    public static bool IsSideOn(double yawDegrees, AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DegreesFromFrontal(yawDegrees) >= settings.MinSideViewDeg;
    }
}
