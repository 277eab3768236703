using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Unit;

public class FlipAveragingTests
{
    [Theory]
    [InlineData(0, 0)]   // nose
    [InlineData(1, 4)]   // left eye inner ↔ right eye inner
    [InlineData(3, 6)]
    [InlineData(6, 3)]
    [InlineData(7, 8)]   // ears
    [InlineData(10, 9)]  // mouth
    [InlineData(25, 26)] // knees
    [InlineData(28, 27)] // ankles
    [InlineData(32, 31)] // foot index
    [InlineData(33, 33)] // auxiliary centre: no side
    public void Every_body_point_has_its_mirror_partner(int index, int partner) =>
        Assert.Equal(partner, FlipAveraging.Partner(index));

    [Fact]
    public void Mirroring_back_moves_x_to_one_minus_x_and_swaps_left_and_right()
    {
        var lms = new Landmark[39];
        lms[(int)BodyLandmark.LeftKnee] = new Landmark(0.30f, 0.6f, 0.1f, 0.9f, 0.8f);
        lms[(int)BodyLandmark.RightKnee] = new Landmark(0.55f, 0.61f, -0.1f, 0.7f, 0.6f);
        lms[33] = new Landmark(0.45f, 0.5f, 0, 1, 1);

        FlipAveraging.MirrorBack(lms);

        // The mirror's "left knee" at x 0.30 is the plain image's right knee at x 0.70.
        Assert.Equal(new Landmark(0.70f, 0.6f, 0.1f, 0.9f, 0.8f), lms[(int)BodyLandmark.RightKnee]);
        Assert.Equal(0.45f, lms[(int)BodyLandmark.LeftKnee].X, 6);
        Assert.Equal(0.55f, lms[33].X, 6);
    }

    [Theory]
    [InlineData(CropSampling.CornerAligned, 0)]
    [InlineData(CropSampling.PixelCentres, 1)]
    public void A_feature_seen_in_the_mirrored_crop_maps_back_to_its_plain_pixel(CropSampling sampling, int shift)
    {
        const int size = 256;
        const int plainColumn = 100;
        int mirroredColumn = size - shift - plainColumn; // RoiCropper's partner column (The_mirrored_crop_is_the_plain_crop_mirrored_about_the_roi_centre)
        var lms = new Landmark[39];
        lms[0] = new Landmark((mirroredColumn + 0.5f) / size, 0.5f, 0, 1, 1); // the model reports a pixel's centre

        FlipAveraging.MirrorBack(lms, FlipAveraging.MirrorSum(sampling, size));

        Assert.Equal((plainColumn + 0.5f) / size, lms[0].X, 6);
    }

    [Fact]
    public void A_model_that_leans_one_way_cancels_out_in_the_average()
    {
        // True knee at x = 0.40; the model puts it 0.02 to the image's right in whatever it sees.
        var plain = new Landmark[39];
        var mirrored = new Landmark[39];
        plain[(int)BodyLandmark.LeftKnee] = new Landmark(0.42f, 0.5f, 0, 1, 1);
        mirrored[(int)BodyLandmark.RightKnee] = new Landmark(0.60f + 0.02f, 0.5f, 0, 1, 1); // mirror: true at 1 − 0.40

        FlipAveraging.MirrorBack(mirrored);
        FlipAveraging.Average(plain, mirrored);

        Assert.Equal(0.40f, plain[(int)BodyLandmark.LeftKnee].X, 5);
    }

    [Fact]
    public void World_points_mirror_in_x_and_swap_sides()
    {
        var world = new float[39 * 3];
        world[3 * 25] = 0.1f;
        world[(3 * 25) + 1] = 0.4f;
        world[3 * 26] = -0.12f;

        FlipAveraging.MirrorBackWorld(world);

        Assert.Equal(0.12f, world[3 * 25], 6);
        Assert.Equal(-0.1f, world[3 * 26], 6);
        Assert.Equal(0.4f, world[(3 * 26) + 1], 6);
    }

    [Theory]
    [InlineData(CropSampling.PixelCentres)]
    [InlineData(CropSampling.CornerAligned)]
    public void The_mirrored_crop_is_the_plain_crop_mirrored_about_the_roi_centre(CropSampling sampling)
    {
        const int size = 16;
        var (plain, mirrored) = PlainAndMirroredCrops(sampling, size, 37, 251, new RotatedRoi(30.3f, 22.7f, 20f, 20f, 0.3f));

        // Pixel centres: column j ↔ size − 1 − j. Corner-aligned: column j samples ROI position j/size, so its mirror
        // samples 1 − j/size, which is plain column size − j (column 0's partner lies outside the crop).
        int shift = sampling == CropSampling.PixelCentres ? 1 : 0;
        for (int y = 0; y < size; y++)
        {
            for (int x = 1; x < size; x++)
            {
                int partner = size - shift - x;
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(plain[(((y * size) + partner) * 3) + c], mirrored[(((y * size) + x) * 3) + c], 0.6f);
                }
            }
        }
    }

    /// <summary>
    /// The mask of a crop's exact mirror, averaged back, is the plain mask again: a mask that is the real cropper's
    /// output (one channel of the plain and the mirrored crop of the same ROI) maps column for column, so the average
    /// changes nothing a symmetric model would not (issue 18 item 4; corner-aligned column 0 keeps the plain value).
    /// </summary>
    [Theory]
    [InlineData(CropSampling.PixelCentres)]
    [InlineData(CropSampling.CornerAligned)]
    public void A_mask_averaged_with_its_exact_mirror_is_unchanged(CropSampling sampling)
    {
        const int size = 16;
        var (plain, mirrored) = PlainAndMirroredCrops(sampling, size, 53, 241, new RotatedRoi(31.6f, 23.2f, 21f, 21f, -0.2f));

        float[] plainMask = Channel(plain, 1), mirroredMask = Channel(mirrored, 1), averaged = (float[])plainMask.Clone();
        FlipAveraging.AverageMask(averaged, mirroredMask, size, sampling);

        for (int i = 0; i < averaged.Length; i++)
        {
            Assert.Equal(plainMask[i], averaged[i], 0.3f);
        }
    }

    [Fact]
    public void A_lean_in_the_mirrored_mask_cancels_against_the_plain_masks()
    {
        // A limb at plain columns 5..9 (its mirror, corner-aligned partner 16 − k, at 7..11) whose mask the model widens
        // by one column to the image's right in whatever it sees. The average is symmetric about the true centre
        // (column 7) again: logits +1 inside, −1 outside, 0 at the two columns only one run calls inside.
        const int size = 16;
        var plain = new float[size * size];
        var mirrored = new float[size * size];
        for (int row = 0; row < size; row++)
        {
            for (int k = 0; k < size; k++)
            {
                plain[(row * size) + k] = k is >= 5 and <= 10 ? 1 : -1;   // true 5..9, leaning +1: 5..10
                mirrored[(row * size) + k] = k is >= 7 and <= 12 ? 1 : -1; // true 16−9..16−5 = 7..11, leaning +1: 7..12
            }
        }

        FlipAveraging.AverageMask(plain, mirrored, size, CropSampling.CornerAligned);

        // Plain column k meets mirrored column 16 − k: inside both for 5..9, one of the two at 4 and 10.
        for (int k = 1; k < size; k++)
        {
            float expected = k is >= 5 and <= 9 ? 1 : k is 4 or 10 ? 0 : -1;
            Assert.Equal(expected, plain[(3 * size) + k]);
        }
    }

    [Fact]
    public void Masks_of_the_wrong_size_are_refused() =>
        Assert.Throws<ArgumentException>(() => FlipAveraging.AverageMask(new float[15], new float[16], 4, CropSampling.CornerAligned));

    /// <summary>The real cropper's plain and mirrored crops (RGB floats) of one ROI of a 64×48 frame of pixels (i·step) mod modulus.</summary>
    private static unsafe (float[] Plain, float[] Mirrored) PlainAndMirroredCrops(CropSampling sampling, int size, int step, int modulus, RotatedRoi roi)
    {
        var pixels = new byte[64 * 48 * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * step) % modulus);
        }

        var plain = new float[size * size * 3];
        var mirrored = new float[size * size * 3];
        using var frame = new FrameImage();
        using var cropper = new RoiCropper(size, BorderTypes.Replicate, 1f, 0f, sampling);
        fixed (byte* p = pixels)
        {
            frame.Attach((nint)p, 64, 48, 64 * 3, PixelFormat.Bgr24);
            cropper.Crop(frame, roi, plain);
            cropper.Crop(frame, roi, mirrored, mirrored: true);
        }

        return (plain, mirrored);
    }

    private static float[] Channel(float[] rgb, int channel)
    {
        var one = new float[rgb.Length / 3];
        for (int i = 0; i < one.Length; i++)
        {
            one[i] = rgb[(3 * i) + channel];
        }

        return one;
    }
}
