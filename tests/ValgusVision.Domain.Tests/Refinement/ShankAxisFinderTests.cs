using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using static ValgusVision.Domain.Tests.Refinement.SyntheticMask;

namespace ValgusVision.Domain.Tests.Refinement;

public class ShankAxisFinderTests
{
    // A side-view shank 160 px long leaning 30° with the knee to the right of the ankle (toes to the right), its
    // silhouette 32 px wide at the knee tapering to 20 px at the ankle, symmetric about the bone axis. The shin (the
    // right, front edge) then leans 30° + atan(6 / 160) = 32.148°.
    private const double Lean = 30;
    private const float Length = 160;
    private static readonly double ShinLean = Lean + (Math.Atan(6.0 / 160) * 180 / Math.PI);
    private static readonly (float X, float Y) TrueAnkle = (100, 220);
    private static readonly float Sin = (float)Math.Sin(Lean * Math.PI / 180), Cos = (float)Math.Cos(Lean * Math.PI / 180);
    private static readonly (float X, float Y) TrueKnee = (TrueAnkle.X + (Length * Sin), TrueAnkle.Y - (Length * Cos));

    /// <summary>Distance up the axis from the ankle, and across it (+ towards the shin).</summary>
    private static (float Up, float Across) ShankCoordinates(float x, float y)
    {
        float dx = x - TrueAnkle.X, dy = y - TrueAnkle.Y;
        return ((dx * Sin) - (dy * Cos), (dx * Cos) + (dy * Sin));
    }

    private static float Shank(float x, float y)
    {
        var (up, across) = ShankCoordinates(x, y);
        float half = 10 + (6 * Math.Clamp(up, 0, Length) / Length);
        return Math.Min(half - Math.Abs(across), Math.Min(up + 10, Length + 10 - up));
    }

    /// <summary>
    /// The model's points as BlazePose places them in a side view: the ankle 8 px above and 6 px in front of the true
    /// centre, the knee 8 px behind (a landmark line about 5° flatter than the bone). The foot points to the right.
    /// </summary>
    private static Landmark[] Body()
    {
        var body = SyntheticMask.Body(20, 240);
        Set(body, BodyLandmark.LeftKnee, TrueKnee.X - (8 * Cos), TrueKnee.Y - (8 * Sin));
        Set(body, BodyLandmark.LeftAnkle, TrueAnkle.X + 6, TrueAnkle.Y - 8);
        Set(body, BodyLandmark.LeftHip, TrueKnee.X - 60, TrueKnee.Y - 100);
        Set(body, BodyLandmark.LeftHeel, TrueAnkle.X - 15, TrueAnkle.Y + 15);
        Set(body, BodyLandmark.LeftFootIndex, TrueAnkle.X + 45, TrueAnkle.Y + 20);
        return body;
    }

    private static double ModelLean(Landmark[] body)
    {
        var k = body[(int)BodyLandmark.LeftKnee];
        var a = body[(int)BodyLandmark.LeftAnkle];
        return Math.Atan2(k.X - a.X, -(k.Y - a.Y)) * 180 / Math.PI;
    }

    private static ShankAxis Find(Landmark[] body, PersonMask mask) =>
        ShankAxisFinder.Find(body, new MaskSampler(mask), Side.Left, ShankAxisSettings.Default, 0.5);

    [Fact]
    public void Centreline_gives_the_bone_axis_and_the_front_edge_the_shin_where_the_model_points_are_off()
    {
        var body = Body();
        Assert.InRange(ModelLean(body), 23, 27);

        var axis = Find(body, Draw(Shank));

        Assert.Equal(Lean, axis.CentreDeg!.Value, 0.1);
        Assert.Equal(ShinLean, axis.ShinDeg!.Value, 0.1);
    }

    [Fact]
    public void Mirrored_shank_reads_the_mirrored_angles()
    {
        // Mirror the picture about x = 128: knee to the left of the ankle, toes to the left.
        var body = Body();
        for (int i = 0; i < body.Length; i++)
        {
            body[i] = body[i] with { X = 256 - body[i].X };
        }

        var axis = Find(body, Draw((x, y) => Shank(256 - x, y)));

        Assert.Equal(-Lean, axis.CentreDeg!.Value, 0.1);
        Assert.Equal(-ShinLean, axis.ShinDeg!.Value, 0.1);
    }

    /// <summary>A point at <paramref name="up"/> along the true axis from the ankle and <paramref name="across"/> from it (+ = shin side).</summary>
    private static (float X, float Y) At(float up, float across) =>
        (TrueAnkle.X + (up * Sin) + (across * Cos), TrueAnkle.Y - (up * Cos) + (across * Sin));

    /// <summary>Positive within <paramref name="half"/> of the segment a–b.</summary>
    private static float Limb(float x, float y, (float X, float Y) a, (float X, float Y) b, float half)
    {
        float vx = b.X - a.X, vy = b.Y - a.Y;
        float t = Math.Clamp((((x - a.X) * vx) + ((y - a.Y) * vy)) / ((vx * vx) + (vy * vy)), 0, 1);
        float dx = x - (a.X + (t * vx)), dy = y - (a.Y + (t * vy));
        return half - MathF.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Puts the far (right) leg's hip, knee and ankle on the given points, its foot behind.</summary>
    private static Landmark[] WithFarLeg((float X, float Y) hip, (float X, float Y) knee, (float X, float Y) ankle)
    {
        var body = Body();
        Set(body, BodyLandmark.RightHip, hip.X, hip.Y);
        Set(body, BodyLandmark.RightKnee, knee.X, knee.Y);
        Set(body, BodyLandmark.RightAnkle, ankle.X, ankle.Y);
        Set(body, BodyLandmark.RightHeel, ankle.X - 10, ankle.Y + 5);
        Set(body, BodyLandmark.RightFootIndex, ankle.X - 5, ankle.Y + 6);
        return body;
    }

    [Fact]
    public void Far_leg_crossing_behind_the_upper_shank_drops_those_stations_only()
    {
        // The far leg's thigh ends behind the shank's upper third, its silhouette merged with the shank's back edge.
        var hip = At(200, -90);
        var knee = At(125, -22);
        var body = WithFarLeg(hip, knee, (knee.X - 80, knee.Y + 40));

        var axis = Find(body, Draw((x, y) => Math.Max(Shank(x, y), Limb(x, y, hip, knee, 12))));

        Assert.Equal(Lean, axis.CentreDeg!.Value, 0.15);
        Assert.Equal(ShinLean, axis.ShinDeg!.Value, 0.1);
    }

    [Fact]
    public void Far_leg_behind_the_whole_shank_leaves_the_centreline_unknown_but_not_the_shin()
    {
        // The far shank lies right behind the near one along its whole length, merged with its back edge.
        var knee = At(160, -22);
        var ankle = At(0, -22);
        var body = WithFarLeg(At(260, -40), knee, ankle);

        var axis = Find(body, Draw((x, y) => Math.Max(Shank(x, y), Limb(x, y, knee, ankle, 12))));

        Assert.Null(axis.CentreDeg);
        Assert.Equal(ShinLean, axis.ShinDeg!.Value, 0.1);
    }

    [Fact]
    public void Foot_pointing_at_the_camera_gives_no_shin()
    {
        // A frontal view: the toe lies straight below the heel, along the shank, so no edge is the front one.
        var body = Body();
        var ankle = body[(int)BodyLandmark.LeftAnkle];
        Set(body, BodyLandmark.LeftHeel, ankle.X - 3, ankle.Y + 10);
        Set(body, BodyLandmark.LeftFootIndex, ankle.X - 8, ankle.Y + 25);

        var axis = Find(body, Draw(Shank));

        Assert.NotNull(axis.CentreDeg);
        Assert.Null(axis.ShinDeg);
    }

    [Fact]
    public void Bent_middle_line_is_not_a_shank()
    {
        // The silhouette's middle jumps sideways by 8 px half-way down (a hand on the shin, a hem): not one straight limb.
        var axis = Find(Body(), Draw((x, y) =>
        {
            var (up, across) = ShankCoordinates(x, y);
            float shift = up < 60 ? 8 : 0;
            float half = 10 + (6 * Math.Clamp(up, 0, Length) / Length);
            return Math.Min(half - Math.Abs(across - shift), Math.Min(up + 10, Length + 10 - up));
        }));

        Assert.Null(axis.CentreDeg);
    }

    [Fact]
    public void Hidden_knee_or_no_mask_reads_nothing()
    {
        var body = Body();
        body[(int)BodyLandmark.LeftKnee] = body[(int)BodyLandmark.LeftKnee] with { Visibility = 0.2f };
        Assert.Equal(default, Find(body, Draw(Shank)));
        Assert.Equal(default, ShankAxisFinder.Find(Body(), default, Side.Left, ShankAxisSettings.Default, 0.5));
    }

    [Fact]
    public void Refiner_reads_both_shanks_into_the_pose_result_from_the_model_points()
    {
        var result = new PoseResult { HasPose = true, HasSegmentation = true };
        Body().CopyTo(result.Landmarks, 0);
        var mask = Draw(Shank);
        result.Segmentation.Resize(mask.Size);
        mask.Logits.CopyTo(result.Segmentation.Logits, 0);
        result.Segmentation.Roi = mask.Roi;

        new JointCentreRefiner().Apply(result);

        Assert.Equal(Lean, result.ShankAxes.Left.CentreDeg!.Value, 0.1);
        Assert.Null(result.ShankAxes.Right.CentreDeg); // the right leg at x 240 has no silhouette
        Assert.Equal(result.ShankAxes, result.Snapshot(0).ShankAxes);
        result.Clear();
        Assert.Equal(default, result.ShankAxes);
    }
}
