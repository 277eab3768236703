using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using static ValgusVision.Domain.Tests.Refinement.SyntheticMask;

namespace ValgusVision.Domain.Tests.Refinement;

public class JointCentreRefinerTests
{
    // Leg length 200: thigh 30.4 wide (0.152), shank 20.4 wide (0.102) from y 170 down; knee / ankle 1.49.
    private static float TwoLegs(float x, float y, float leftCentre, float rightCentre)
    {
        float half = y < 170 ? 15.2f : 10.2f;
        return Math.Max(Band(x, leftCentre - half, leftCentre + half), Band(x, rightCentre - half, rightCentre + half));
    }

    [Fact]
    public void Vertical_limb_knee_and_ankle_move_to_the_middle_of_the_silhouette_on_their_own_row()
    {
        // Silhouette middles at x 115.5 (left leg) and 40.5 (right leg); the model is 3.5 and 2.5 px off them.
        var mask = Draw((x, y) => TwoLegs(x, y, 115.5f, 40.5f));
        var body = Body(112, 43);

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.False(result.Flagged);
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.RightKnee | RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, result.Refined);
        Assert.Equal(115.5f, body[(int)BodyLandmark.LeftKnee].X, 0.02f);
        Assert.Equal(120f, body[(int)BodyLandmark.LeftKnee].Y, 0.001f);
        Assert.Equal(115.5f, body[(int)BodyLandmark.LeftAnkle].X, 0.02f);
        Assert.Equal(40.5f, body[(int)BodyLandmark.RightKnee].X, 0.02f);
        Assert.Equal(40.5f, body[(int)BodyLandmark.RightAnkle].X, 0.02f);
        Assert.Equal(112f, body[(int)BodyLandmark.LeftHip].X);
    }

    [Fact]
    public void Sub_pixel_edges_come_from_the_logit_zero_crossing()
    {
        var mask = Draw((x, _) => Band(x, 100.3f, 130.7f));
        var sampler = new MaskSampler(mask);

        Assert.Equal(20.7f, LimbEdge.Distance(sampler, 110, 64, 1, 0, 0.5f, 100), 0.01f);
        Assert.Equal(9.7f, LimbEdge.Distance(sampler, 110, 64, -1, 0, 0.5f, 100), 0.01f);
        Assert.True(float.IsNaN(LimbEdge.Distance(sampler, 110, 64, 1, 0, 0.5f, 15)), "no edge within reach");
        Assert.True(float.IsNaN(LimbEdge.Distance(sampler, 90, 64, 1, 0, 0.5f, 100)), "start outside the mask");
    }

    [Fact]
    public void Tilted_limb_is_scanned_perpendicular_to_it_and_keeps_the_along_limb_coordinate()
    {
        // One straight leg tilted 20° from vertical (hip up-left of the ankle), 30 px wide at the knee, 20 px at the ankle;
        // the other leg vertical and far away. The model's hip, knee and ankle are all 4 px to the side of the axis along
        // the row, so the model's own limb direction is the true one.
        double tilt = 20 * Math.PI / 180;
        float ax = (float)Math.Sin(tilt), ay = (float)Math.Cos(tilt); // axis direction, pointing down the leg
        var hip = (X: 100f, Y: 20f);
        float Along(float x, float y) => ((x - hip.X) * ax) + ((y - hip.Y) * ay);
        float Across(float x, float y) => ((x - hip.X) * ay) - ((y - hip.Y) * ax);
        var mask = Draw((x, y) =>
        {
            float half = Along(x, y) < 150 ? 15f : 10f;
            float tilted = half - Math.Abs(Across(x, y));
            return Math.Max(tilted, Band(x, 10.5f - 15f, 10.5f + 15f) * (y < 170 ? 1 : 0) + Band(x, 0.5f, 20.5f) * (y >= 170 ? 1 : 0));
        });
        var body = Body(100, 10.5f);
        (float X, float Y) OnAxis(float s) => (hip.X + (ax * s), hip.Y + (ay * s));
        var knee = OnAxis(100);
        var ankle = OnAxis(200);
        Set(body, BodyLandmark.LeftHip, hip.X + 4, hip.Y);
        Set(body, BodyLandmark.LeftKnee, knee.X + 4, knee.Y);
        Set(body, BodyLandmark.LeftAnkle, ankle.X + 4, ankle.Y);
        Set(body, BodyLandmark.LeftHeel, ankle.X, ankle.Y + 10);
        Set(body, BodyLandmark.LeftFootIndex, ankle.X + 10, ankle.Y + 15);

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.True(result.IsRefined(RefinedJoints.LeftKnee), $"left knee not refined: {result}");
        Assert.True(result.IsRefined(RefinedJoints.LeftAnkle), $"left ankle not refined: {result}");
        foreach (var (joint, model) in new[] { (BodyLandmark.LeftKnee, (X: knee.X + 4, knee.Y)), (BodyLandmark.LeftAnkle, (X: ankle.X + 4, ankle.Y)) })
        {
            var p = body[(int)joint];

            // On the limb's axis, and moved straight across the limb: the along-limb coordinate is the model's.
            Assert.Equal(0f, Across(p.X, p.Y), 0.05f);
            Assert.Equal(Along(model.X, model.Y), Along(p.X, p.Y), 0.05f);
        }

        // A row scan would have kept the row (y); across a 20° limb the 3.76 px move also drops by 3.76·sin 20° = 1.29 px.
        Assert.Equal(knee.Y + (4 * ay * ax), body[(int)BodyLandmark.LeftKnee].Y, 0.05f);
    }

    [Fact]
    public void Two_touching_legs_are_flagged_and_keep_the_model_points()
    {
        // The legs' silhouettes touch: one run from 100 to 160 at the knees. Merging them would put the left knee at 130.
        var mask = Draw((x, y) => TwoLegs(x, y, 115.5f, 144.5f));
        var body = Body(114, 146);
        var before = (Landmark[])body.Clone();

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.True(result.Flagged);
        Assert.Equal(RefinementIssue.LimbTouching, result.Issue);
        Assert.Equal(RefinedJoints.None, result.Refined);
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.RightKnee | RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, result.Kept);
        Assert.Equal(before, body);
    }

    [Fact]
    public void An_arm_across_the_knee_flags_that_leg_only()
    {
        var mask = Draw((x, y) => TwoLegs(x, y, 115.5f, 40.5f));
        var body = Body(112, 43);
        Set(body, BodyLandmark.RightElbow, 150, 110);
        Set(body, BodyLandmark.RightWrist, 120, 122);

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.Equal(RefinementIssue.LimbTouching, result.Issue);
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, result.Kept);
        Assert.Equal(RefinedJoints.RightKnee | RefinedJoints.RightAnkle, result.Refined);
        Assert.Equal(112f, body[(int)BodyLandmark.LeftKnee].X);
    }

    [Fact]
    public void Loose_trousers_wider_than_any_knee_keep_the_model_points()
    {
        // 60 px wide "legs" (0.30 of leg length) all the way down.
        var mask = Draw((x, _) => Math.Max(Band(x, 85.5f, 145.5f), Band(x, 10.5f, 70.5f)));
        var body = Body(112, 43);
        var before = (Landmark[])body.Clone();

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.True(result.Flagged);
        Assert.Contains(result.Issue, new[] { RefinementIssue.NoEdge, RefinementIssue.ImplausibleWidth });
        Assert.Equal(before, body);
    }

    [Fact]
    public void Empty_mask_flags_the_frame_and_keeps_every_point()
    {
        var mask = Draw((_, _) => -8f);
        var body = Body(112, 43);
        var before = (Landmark[])body.Clone();

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.Equal(RefinementIssue.OutsideMask, result.Issue);
        Assert.Equal(RefinedJoints.None, result.Refined);
        Assert.Equal(before, body);
    }

    [Fact]
    public void No_mask_at_all_flags_the_frame_and_keeps_every_point()
    {
        var body = Body(112, 43);
        var before = (Landmark[])body.Clone();

        var result = new JointCentreRefiner().Refine(body, null);

        Assert.Equal(new JointRefinement(RefinedJoints.None, RefinedJoints.LeftKnee | RefinedJoints.RightKnee | RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, RefinementIssue.NoMask), result);
        Assert.Equal(before, body);
    }

    [Fact]
    public void Hidden_leg_is_neither_refined_nor_flagged()
    {
        var mask = Draw((x, y) => TwoLegs(x, y, 115.5f, 40.5f));
        var body = Body(112, 43);
        body[(int)BodyLandmark.RightAnkle] = body[(int)BodyLandmark.RightAnkle] with { Visibility = 0.1f };

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.False(result.Flagged);
        Assert.Equal(RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, result.Refined);
        Assert.Equal(43f, body[(int)BodyLandmark.RightKnee].X);
    }

    [Fact]
    public void Refining_a_frame_allocates_nothing()
    {
        var mask = Draw((x, y) => TwoLegs(x, y, 115.5f, 40.5f));
        var refiner = new JointCentreRefiner();
        var body = Body(112, 43);
        refiner.Refine(body, mask);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            refiner.Refine(body, mask);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Frame_refinement_round_trips_through_its_csv_names()
    {
        var joints = RefinedJoints.LeftKnee | RefinedJoints.RightAnkle;

        Assert.Equal("left_knee right_ankle", JointRefinement.Names(joints));
        Assert.Equal(joints, JointRefinement.ParseNames(JointRefinement.Names(joints)));
        foreach (var issue in Enum.GetValues<RefinementIssue>())
        {
            Assert.Equal(issue, RefinementIssues.Parse(issue.ToName()));
        }
    }
}
