using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Places the hips from the image rather than from the model's hip points: the person mask's two edges along the
/// model's hip line, at hip height, bound the pelvis, and their middle is taken as the pelvis's lateral position (soft
/// tissue lies roughly symmetric about it, so a heavy pelvis widens the outline, not its middle). The two hip joint
/// centres are put at the published hip joint distance about that middle, along the model's hip line.
/// <para>
/// The distance in pixels needs no world scale: Hara et al. 2016's ratio of hip joint distance to leg length
/// (<see cref="AnatomicalHipSpacing.InterHipJointMetres"/> at the model's 3D leg, about 0.207) times the longest 2D
/// hip → knee → ankle length seen since <see cref="Reset"/> (the standing leg, which lies in the image plane),
/// foreshortened by the world hip line's angle out of the image plane. Nothing here was fitted on this project's data.
/// </para>
/// <para>
/// Guards (each falls back to the model's hips and says why in <see cref="LastIssue"/>): no mask, an edge not found,
/// a silhouette too narrow or too wide for a pelvis (an arm or hand against the hip, the other leg, loose clothes),
/// the three scan rows disagreeing about the middle, or a middle too far from the model's mid-hip.
/// </para>
/// </summary>
public sealed class SilhouetteHipCentre : IHipPointEstimator
{
    /// <summary>The silhouette must be at least this many hip joint distances wide: the joints lie inside the pelvis.</summary>
    public const double MinWidthPerSpacing = 1.2;

    /// <summary>Wider than this many hip joint distances, something other than the pelvis is in the row (arm, hand, clothes).</summary>
    public const double MaxWidthPerSpacing = 3.2;

    /// <summary>The middles of the three rows may differ by at most this fraction of the hip joint distance.</summary>
    public const double MaxRowSpreadPerSpacing = 0.12;

    /// <summary>The middle may lie at most this fraction of the hip joint distance from the model's mid-hip.</summary>
    public const double MaxShiftPerSpacing = 0.3;

    /// <summary>The scan rows: at the model's hip line and this fraction of the leg above and below it.</summary>
    public const double RowOffsetPerLeg = 0.03;

    private double _standingLegPx;

    /// <summary>Why the last frame kept the model's hips (<see cref="HipPointIssue.None"/> when it moved them).</summary>
    public HipPointIssue LastIssue { get; private set; }

    /// <summary>Frames whose hips were placed from the silhouette / kept since <see cref="Reset"/>.</summary>
    public int Placed { get; private set; }

    public int Kept { get; private set; }

    /// <summary>Forgets the standing leg length: a new clip or sequence starts.</summary>
    public void Reset()
    {
        _standingLegPx = 0;
        Placed = 0;
        Kept = 0;
    }

    public void Apply(PoseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.HasPose)
        {
            bool moved = Apply(result.Landmarks, result.WorldLandmarks, result.HasSegmentation ? result.Segmentation : null);
            result.Hips = moved ? HipPlacement.Placed : HipPlacement.KeptBecause(LastIssue);
        }
    }

    /// <summary>Without a mask there is no silhouette: the model's hips stay (false).</summary>
    public bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world) => Apply(image, world, null);

    /// <summary>Moves the two hips of <paramref name="image"/> in place from <paramref name="mask"/>; false (kept, <see cref="LastIssue"/> says why) otherwise.</summary>
    public bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world, PersonMask? mask)
    {
        LastIssue = Place(image, world, mask);
        if (LastIssue == HipPointIssue.None)
        {
            Placed++;
            return true;
        }

        Kept++;
        return false;
    }

    private HipPointIssue Place(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world, PersonMask? mask)
    {
        if (image.Length < BodyLandmarks.Count || world.Length < BodyLandmarks.Count)
        {
            return HipPointIssue.NoWorldLandmarks;
        }

        var l = image[(int)BodyLandmark.LeftHip];
        var r = image[(int)BodyLandmark.RightHip];
        double hx = l.X - r.X, hy = l.Y - r.Y, hipPx = Math.Sqrt((hx * hx) + (hy * hy));
        double legPx = Math.Max(Leg2D(image, Side.Left), Leg2D(image, Side.Right));
        if (!(hipPx > 1) || !double.IsFinite(legPx))
        {
            return HipPointIssue.NoWorldLandmarks;
        }

        _standingLegPx = Math.Max(_standingLegPx, legPx);
        double spacing = SpacingPx(world, _standingLegPx);
        if (!double.IsFinite(spacing) || !(spacing > 1))
        {
            return HipPointIssue.NoWorldLandmarks;
        }

        var sampler = mask is null ? default : new MaskSampler(mask);
        if (!sampler.IsUsable)
        {
            return HipPointIssue.NoMask;
        }

        // u: unit vector from the right hip to the left along the model's hip line; n: across it (down the body or up).
        double ux = hx / hipPx, uy = hy / hipPx, nx = -uy, ny = ux;
        double midX = (l.X + r.X) / 2.0, midY = (l.Y + r.Y) / 2.0;
        float step = Math.Max(0.5f, sampler.PixelsPerCell / 2);
        float reach = (float)(MaxWidthPerSpacing * spacing);
        Span<double> middles = stackalloc double[3];
        for (int row = 0; row < 3; row++)
        {
            double off = (row - 1) * RowOffsetPerLeg * _standingLegPx;
            float x = (float)(midX + (nx * off)), y = (float)(midY + (ny * off));
            float toLeft = LimbEdge.Distance(sampler, x, y, (float)ux, (float)uy, step, reach);
            float toRight = LimbEdge.Distance(sampler, x, y, (float)-ux, (float)-uy, step, reach);
            if (float.IsNaN(toLeft) || float.IsNaN(toRight))
            {
                return HipPointIssue.NoEdge;
            }

            double width = toLeft + toRight;
            if (width < MinWidthPerSpacing * spacing)
            {
                return HipPointIssue.TooNarrow;
            }

            if (width > MaxWidthPerSpacing * spacing)
            {
                return HipPointIssue.TooWide;
            }

            middles[row] = (toLeft - toRight) / 2; // along u, from the model's mid-hip
        }

        double lo = Math.Min(middles[0], Math.Min(middles[1], middles[2]));
        double hi = Math.Max(middles[0], Math.Max(middles[1], middles[2]));
        if (hi - lo > MaxRowSpreadPerSpacing * spacing)
        {
            return HipPointIssue.RowsDisagree;
        }

        double shift = (middles[0] + middles[1] + middles[2]) / 3;
        if (Math.Abs(shift) > MaxShiftPerSpacing * spacing)
        {
            return HipPointIssue.FarFromModel;
        }

        double cx = midX + (ux * shift), cy = midY + (uy * shift), half = spacing / 2;
        image[(int)BodyLandmark.LeftHip] = l with { X = (float)(cx + (ux * half)), Y = (float)(cy + (uy * half)) };
        image[(int)BodyLandmark.RightHip] = r with { X = (float)(cx - (ux * half)), Y = (float)(cy - (uy * half)) };
        return HipPointIssue.None;
    }

    /// <summary>
    /// The hip joint distance in pixels: the published ratio at the model's 3D leg times the standing 2D leg, times the
    /// cosine of the world hip line's angle out of the image plane (a turned pelvis shows its joints closer together).
    /// </summary>
    public static double SpacingPx(ReadOnlySpan<WorldLandmark> world, double standingLegPx)
    {
        if (world.Length < BodyLandmarks.Count)
        {
            return double.NaN;
        }

        var wl = world[(int)BodyLandmark.LeftHip];
        var wr = world[(int)BodyLandmark.RightHip];
        double dx = wl.X - wr.X, dy = wl.Y - wr.Y, dz = wl.Z - wr.Z;
        double inPlane = Math.Sqrt((dx * dx) + (dy * dy)), full = Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
        double leg = AnatomicalHipSpacing.MeanLeg(world);
        if (!(full > 1e-3) || !(leg > 0.1))
        {
            return double.NaN;
        }

        return AnatomicalHipSpacing.InterHipJointMetres(leg) / leg * standingLegPx * (inPlane / full);
    }

    private static double Leg2D(ReadOnlySpan<Landmark> l, Side side) =>
        Distance(l[(int)side.Hip()], l[(int)side.Knee()]) + Distance(l[(int)side.Knee()], l[(int)side.Ankle()]);

    private static double Distance(Landmark a, Landmark b)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
