using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Unit;

/// <summary>
/// The segmentation has one logit per crop pixel, so the mask must be read where the crop sampled each pixel: under
/// the default corner-aligned crop, tensor pixel (u, v) samples the frame at the inverse of the crop matrix at (u, v).
/// Read at cell centres instead, the mask lay half a cell (1–4 frame pixels) right of and below the person.
/// </summary>
public class MaskAlignmentTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.3f)]
    public void Corner_aligned_mask_cell_is_read_where_the_crop_sampled_its_pixel(float rotation)
    {
        var roi = new RotatedRoi(640.3f, 360.7f, 700f, 700f, rotation);
        Span<double> m = stackalloc double[9];
        RoiCropper.ComputeMatrix(roi, 256, m);
        double det = (m[0] * m[4]) - (m[1] * m[3]);

        // Logit = column index − 100.25: zero exactly a quarter of a cell past column 100's sample point, bilinear-exact.
        var mask = new PersonMask(256) { Roi = roi, CellOffset = BlazePoseEstimator.MaskCellOffset(CropSampling.CornerAligned) };
        for (int v = 0; v < 256; v++)
        {
            for (int u = 0; u < 256; u++)
            {
                mask.Logits[(v * 256) + u] = u - 100.25f;
            }
        }

        var sampler = new MaskSampler(mask);
        foreach (double v in new[] { 40.0, 128.0, 200.5 })
        {
            // The frame point the crop's tensor position (100.25, v) came from.
            double tx = 100.25 - m[2], ty = v - m[5];
            double x = ((m[4] * tx) - (m[1] * ty)) / det, y = ((m[0] * ty) - (m[3] * tx)) / det;

            Assert.True(sampler.TrySample((float)x, (float)y, out float logit));
            Assert.Equal(0f, logit, 0.01f);
        }
    }
}
