using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using static ValgusVision.Domain.Tests.Refinement.SyntheticMask;

namespace ValgusVision.Domain.Tests.Refinement;

/// <summary>
/// A mask whose cell u was sampled at u/Size of its rectangle (a corner-aligned crop, MediaPipe's CPU one), not at the
/// cell's centre: read at cell centres, every edge lands half a cell right of and below where it is, and the refined
/// knees and ankles with it (the right leg's medially, the left leg's laterally: a valgus bias of opposite sign per leg).
/// </summary>
public class MaskCellOffsetTests
{
    // A rectangle 512 px wide at (300, 260): 2 frame pixels per cell, so half a cell is a whole pixel.
    private static readonly RotatedRoi Roi = new(300, 260, 512, 512, 0);

    /// <summary>The grid as a corner-aligned crop fills it: cell (u, v) holds the person logit at frame (left + 2u, top + 2v).</summary>
    private static PersonMask CornerAligned(Func<float, float, float> logitAt)
    {
        var mask = new PersonMask(256) { Roi = Roi, CellOffset = 0 };
        for (int v = 0; v < mask.Size; v++)
        {
            for (int u = 0; u < mask.Size; u++)
            {
                mask.Logits[(v * mask.Size) + u] = logitAt(Roi.CenterX - 256 + (2f * u), Roi.CenterY - 256 + (2f * v));
            }
        }

        return mask;
    }

    [Fact]
    public void Edges_are_found_where_the_crop_sampled_them()
    {
        var mask = CornerAligned((x, y) => Math.Min(Band(x, 200.3f, 230.7f), y - 100.2f));
        var sampler = new MaskSampler(mask);

        Assert.Equal(230.7f - 210, LimbEdge.Distance(sampler, 210, 150, 1, 0, 1, 100), 0.01f);
        Assert.Equal(210 - 200.3f, LimbEdge.Distance(sampler, 210, 150, -1, 0, 1, 100), 0.01f);
        Assert.Equal(150 - 100.2f, LimbEdge.Distance(sampler, 210, 150, 0, -1, 1, 100), 0.01f);

        // The same grid read as if its cells were sampled at their centres: every edge one pixel (half a cell) further right and down.
        mask.CellOffset = 0.5f;
        var centred = new MaskSampler(mask);
        Assert.Equal(230.7f - 210 + 1, LimbEdge.Distance(centred, 210, 150, 1, 0, 1, 100), 0.01f);
        Assert.Equal(150 - 100.2f - 1, LimbEdge.Distance(centred, 210, 150, 0, -1, 1, 100), 0.01f);
    }

    [Fact]
    public void Knees_and_ankles_go_to_the_middle_of_a_corner_aligned_mask()
    {
        // SyntheticMask's standing body moved into this rectangle: legs 200 long, thighs 30.4 wide, shanks 20.4.
        const float dx = 100, dy = 100, leftLeg = 215.5f, rightLeg = 140.5f;
        var mask = CornerAligned((x, y) =>
        {
            float half = y - dy < 170 ? 15.2f : 10.2f;
            return Math.Max(Band(x, leftLeg - half, leftLeg + half), Band(x, rightLeg - half, rightLeg + half));
        });
        var body = Body(leftLeg - dx - 3.5f, rightLeg - dx + 2.5f);
        for (int i = 0; i < body.Length; i++)
        {
            body[i] = body[i] with { X = body[i].X + dx, Y = body[i].Y + dy };
        }

        var result = new JointCentreRefiner().Refine(body, mask);

        Assert.False(result.Flagged, result.ToString());
        foreach (var (joint, middle) in new[]
                 {
                     (BodyLandmark.LeftKnee, leftLeg), (BodyLandmark.LeftAnkle, leftLeg),
                     (BodyLandmark.RightKnee, rightLeg), (BodyLandmark.RightAnkle, rightLeg),
                 })
        {
            Assert.Equal(middle, body[(int)joint].X, 0.05f);
        }
    }
}
