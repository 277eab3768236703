using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Keeps the model's mid-hip point and the direction of its hip line, and sets the distance between the two hips to
/// the published distance between the hip joint centres for the body's leg length. BlazePose places its hips on the
/// visible pelvis, so soft tissue spreads them (9–13 px lateral of the joints on body B's heavy man, docs/accuracy.md);
/// the mid-hip and the line's direction do not depend on that width.
/// <para>
/// The width is Hara et al. 2016 (Sci. Rep. 6:37707; CT of 157 pelves, the leg-length-only regression, no sex term
/// since sex did not improve it): each hip joint centre lies 8 mm + 0.086·LL to the side of the mid-ASIS point and
/// 9 mm + 0.078·LL below it, LL being the ASIS → medial malleolus length. The tool has no ASIS; its leg is the 3D
/// hip → knee → ankle length L of the world landmarks, which standing is LL less the ASIS's height over the hip joint
/// (the malleolus is at the ankle centre's height), so LL = (L + 9 mm) / (1 − 0.078). Nothing here was fitted on this
/// project's data.
/// </para>
/// <para>
/// The spacing is applied in 3D: the 2D hip vector is scaled about the mid-hip by (published width) / (the model's 3D
/// hip distance), so a body turned from the camera keeps its foreshortening. No allocation; points changed in place.
/// </para>
/// </summary>
public sealed class AnatomicalHipSpacing : IHipPointEstimator
{
    /// <summary>Hara et al. 2016, medio-lateral: HJC offset from the mid-ASIS point, metres at LL = 0.</summary>
    public const double LateralInterceptMetres = 0.008;

    /// <summary>Hara et al. 2016, medio-lateral: HJC offset per metre of ASIS → medial malleolus length.</summary>
    public const double LateralPerAsisLeg = 0.086;

    /// <summary>Hara et al. 2016, supero-inferior: HJC below the mid-ASIS point, metres at LL = 0.</summary>
    public const double DropInterceptMetres = 0.009;

    /// <summary>Hara et al. 2016, supero-inferior: HJC below the mid-ASIS point per metre of LL.</summary>
    public const double DropPerAsisLeg = 0.078;

    /// <summary>The published distance between the two hip joint centres for a hip → knee → ankle length (metres).</summary>
    public static double InterHipJointMetres(double jointLegMetres)
    {
        double asisLeg = (jointLegMetres + DropInterceptMetres) / (1 - DropPerAsisLeg);
        return 2 * (LateralInterceptMetres + (LateralPerAsisLeg * asisLeg));
    }

    public void Apply(PoseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.HasPose)
        {
            result.Hips = Apply(result.Landmarks, result.WorldLandmarks) ? HipPlacement.Placed : HipPlacement.KeptBecause(HipPointIssue.NoWorldLandmarks);
        }
    }

    public bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world)
    {
        if (!TryScale(image, world, out double scale))
        {
            return false;
        }

        var l = image[(int)BodyLandmark.LeftHip];
        var r = image[(int)BodyLandmark.RightHip];
        double midX = (l.X + r.X) / 2.0, midY = (l.Y + r.Y) / 2.0;
        image[(int)BodyLandmark.LeftHip] = l with { X = (float)(midX + ((l.X - midX) * scale)), Y = (float)(midY + ((l.Y - midY) * scale)) };
        image[(int)BodyLandmark.RightHip] = r with { X = (float)(midX + ((r.X - midX) * scale)), Y = (float)(midY + ((r.Y - midY) * scale)) };
        return true;
    }

    /// <summary>
    /// The factor the hip vector is scaled by: published width for the model's 3D leg over the model's 3D hip distance;
    /// false when the world landmarks are missing or degenerate (hips on one point, a leg under 10 cm).
    /// </summary>
    public static bool TryScale(ReadOnlySpan<Landmark> image, ReadOnlySpan<WorldLandmark> world, out double scale)
    {
        scale = 1;
        if (image.Length < BodyLandmarks.Count || world.Length < BodyLandmarks.Count)
        {
            return false;
        }

        double hips = Distance(world[(int)BodyLandmark.LeftHip], world[(int)BodyLandmark.RightHip]);
        double leg = (Leg(world, Side.Left) + Leg(world, Side.Right)) / 2;
        if (!(hips > 1e-3) || !(leg > 0.1) || !double.IsFinite(hips) || !double.IsFinite(leg))
        {
            return false;
        }

        scale = InterHipJointMetres(leg) / hips;
        return true;
    }

    /// <summary>The model's 3D hip distance over its 3D hip → knee → ankle length (mean of the legs); NaN when degenerate.</summary>
    public static double ModelSpacingRatio(ReadOnlySpan<WorldLandmark> world)
    {
        if (world.Length < BodyLandmarks.Count)
        {
            return double.NaN;
        }

        double leg = (Leg(world, Side.Left) + Leg(world, Side.Right)) / 2;
        return leg > 0 ? Distance(world[(int)BodyLandmark.LeftHip], world[(int)BodyLandmark.RightHip]) / leg : double.NaN;
    }

    /// <summary>The mean of the two legs' 3D hip → knee → ankle lengths (metres); the caller checks the span's length.</summary>
    internal static double MeanLeg(ReadOnlySpan<WorldLandmark> world) => (Leg(world, Side.Left) + Leg(world, Side.Right)) / 2;

    private static double Leg(ReadOnlySpan<WorldLandmark> w, Side side) =>
        Distance(w[(int)side.Hip()], w[(int)side.Knee()]) + Distance(w[(int)side.Knee()], w[(int)side.Ankle()]);

    private static double Distance(WorldLandmark a, WorldLandmark b)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y, dz = a.Z - b.Z;
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }
}
