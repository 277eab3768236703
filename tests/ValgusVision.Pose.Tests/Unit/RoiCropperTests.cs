using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Unit;

public class RoiCropperTests
{
    private static unsafe float[] Crop(byte[] pixels, int width, int height, PixelFormat format, RotatedRoi roi, int size, BorderTypes border, float scale, float offset, CropSampling sampling = CropSampling.CornerAligned)
    {
        int bpp = format switch { PixelFormat.Bgr24 => 3, PixelFormat.Bgra32 => 4, _ => 1 };
        var tensor = new float[size * size * 3];
        using var frame = new FrameImage();
        using var cropper = new RoiCropper(size, border, scale, offset, sampling);
        fixed (byte* p = pixels)
        {
            frame.Attach((nint)p, width, height, width * bpp, format);
            cropper.Crop(frame, roi, tensor);
        }

        return tensor;
    }

    [Theory]
    [InlineData(CropSampling.CornerAligned)]
    [InlineData(CropSampling.PixelCentres)]
    public void Bgr_pixels_become_rgb_floats_in_the_requested_range(CropSampling sampling)
    {
        var pixels = new byte[8 * 8 * 3];
        for (int i = 0; i < 64; i++)
        {
            pixels[3 * i] = 10;     // B
            pixels[3 * i + 1] = 20; // G
            pixels[3 * i + 2] = 255; // R
        }

        float[] t = Crop(pixels, 8, 8, PixelFormat.Bgr24, new RotatedRoi(4, 4, 8, 8, 0), 4, BorderTypes.Replicate, 2f / 255f, -1f, sampling);

        // Every tensor pixel, the last ones included (they read the frame's last bytes).
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(1f, t[3 * i], 5);                  // R 255 → 1
            Assert.Equal(20 * 2f / 255f - 1f, t[3 * i + 1], 5); // G
            Assert.Equal(10 * 2f / 255f - 1f, t[3 * i + 2], 5); // B
        }
    }

    [Theory]
    [InlineData(CropSampling.CornerAligned)]
    [InlineData(CropSampling.PixelCentres)]
    public void Bgra_and_gray_frames_are_read_too(CropSampling sampling)
    {
        var bgra = new byte[4 * 4 * 4];
        for (int i = 0; i < 16; i++)
        {
            bgra[4 * i] = 1;
            bgra[4 * i + 1] = 2;
            bgra[4 * i + 2] = 3;
            bgra[4 * i + 3] = 200;
        }

        float[] t = Crop(bgra, 4, 4, PixelFormat.Bgra32, new RotatedRoi(2, 2, 4, 4, 0), 2, BorderTypes.Replicate, 1f, 0f, sampling);
        Assert.Equal([3f, 2f, 1f], t[..3]);
        Assert.Equal([3f, 2f, 1f], t[^3..]);

        var gray = Enumerable.Repeat((byte)77, 16).ToArray();
        float[] g = Crop(gray, 4, 4, PixelFormat.Gray8, new RotatedRoi(2, 2, 4, 4, 0), 2, BorderTypes.Replicate, 1f, 0f, sampling);
        Assert.Equal([77f, 77f, 77f], g[..3]);
    }

    [Fact]
    public void Letterbox_bars_are_minus_one_with_a_constant_border_and_replicated_edges_otherwise()
    {
        // A 16×8 white frame in a 16×16 square ROI: the top and bottom quarters lie outside the frame.
        var pixels = Enumerable.Repeat((byte)255, 16 * 8).ToArray();
        var roi = new RotatedRoi(8, 4, 16, 16, 0);

        float[] constant = Crop(pixels, 16, 8, PixelFormat.Gray8, roi, 16, BorderTypes.Constant, 2f / 255f, -1f);
        float[] replicate = Crop(pixels, 16, 8, PixelFormat.Gray8, roi, 16, BorderTypes.Replicate, 1f / 255f, 0f);

        Assert.Equal(-1f, constant[0]);                        // row 0: bar
        Assert.Equal(1f, constant[(8 * 16 + 8) * 3], 5);       // centre: image
        Assert.Equal(1f, replicate[0], 5);                     // row 0: edge replicated
    }

    [Fact]
    public void A_quarter_turn_roi_samples_the_image_rotated()
    {
        // Left half black, right half white. A ROI turned a quarter clockwise has its "up" pointing right,
        // so the top rows of the crop come from the white right half and the bottom rows from the black left half.
        var pixels = new byte[20 * 20];
        for (int y = 0; y < 20; y++)
        {
            for (int x = 10; x < 20; x++)
            {
                pixels[y * 20 + x] = 255;
            }
        }

        float[] t = Crop(pixels, 20, 20, PixelFormat.Gray8, new RotatedRoi(10, 10, 16, 16, MathF.PI / 2), 8, BorderTypes.Replicate, 1f / 255f, 0f);

        Assert.Equal(1f, t[(0 * 8 + 4) * 3], 5);
        Assert.Equal(0f, t[(7 * 8 + 4) * 3], 5);
    }

    // A 4×2 gray frame: row 0 = 0, 40, 80, 120; row 1 = 200 throughout.
    private static readonly byte[] Ramp = [0, 40, 80, 120, 200, 200, 200, 200];

    [Fact]
    public void The_gpu_crop_gives_the_same_values_from_bgr_bgra_and_gray()
    {
        // The colour paths read 4 bytes per texel at once (all but the frame's last bytes); gray is read byte by byte.
        byte[] gray = Ramp;
        byte[] bgr = gray.SelectMany(v => new[] { v, v, v }).ToArray();
        byte[] bgra = gray.SelectMany(v => new[] { v, v, v, (byte)255 }).ToArray();
        var roi = new RotatedRoi(2, 1, 3, 2.5f, 0.3f);
        float[] g = Crop(gray, 4, 2, PixelFormat.Gray8, roi, 5, BorderTypes.Replicate, 1f, 0f, CropSampling.PixelCentres);
        float[] c3 = Crop(bgr, 4, 2, PixelFormat.Bgr24, roi, 5, BorderTypes.Replicate, 1f, 0f, CropSampling.PixelCentres);
        float[] c4 = Crop(bgra, 4, 2, PixelFormat.Bgra32, roi, 5, BorderTypes.Replicate, 1f, 0f, CropSampling.PixelCentres);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.Equal(g[i], c3[i], 3);
            Assert.Equal(g[i], c4[i], 3);
        }
    }

    [Fact]
    public void The_gpu_crop_samples_pixel_centres_bilinearly_in_float()
    {
        // ROI 2×2 centred at (2, 1) into a 4×4 tensor: tensor pixel u samples x = 1 + (u + 0.5)·0.5 − 0.5 = 0.75 + 0.5u,
        // and row v samples y = −0.25 + 0.5v. At (0.75, 0.25): row 0 gives 0.25·0 + 0.75·40 = 30, row 1 gives 200,
        // mixed 0.75·30 + 0.25·200 = 72.5 — not a multiple of 1/32 pixel apart, and not rounded to a whole byte.
        float[] t = Crop(Ramp, 4, 2, PixelFormat.Gray8, new RotatedRoi(2, 1, 2, 2, 0), 4, BorderTypes.Replicate, 1f, 0f, CropSampling.PixelCentres);

        Assert.Equal(72.5f, t[(1 * 4 + 0) * 3], 4);
        Assert.Equal(30f, t[(0 * 4 + 0) * 3], 4);    // y = −0.25: clamped to row 0 (GL_CLAMP_TO_EDGE)
        Assert.Equal(0.75f * 90 + 0.25f * 200, t[(1 * 4 + 3) * 3], 4); // x = 2.25: row 0 gives 80 + 0.25·40 = 90
    }

    [Fact]
    public void The_gpu_detector_crop_reads_zero_only_beyond_half_a_pixel_outside_the_frame()
    {
        // ROI 4×4 centred at (2, 1) into a 4×4 tensor: rows sample y = −1, 0, 1, 2; columns x = 0..3. WebGL has no
        // GL_CLAMP_TO_BORDER, so MediaPipe's converter clamps to the edge and zeroes samples whose normalised
        // coordinate leaves [0, 1], i.e. y < −0.5 or y > 1.5 here. The zero is scaled like a pixel: 0·scale + offset.
        float[] t = Crop(Ramp, 4, 2, PixelFormat.Gray8, new RotatedRoi(2, 1, 4, 4, 0), 4, BorderTypes.Constant, 1f, -5f, CropSampling.PixelCentres);

        Assert.Equal(-5f, t[(0 * 4 + 1) * 3]);      // y = −1: outside
        Assert.Equal(40f - 5f, t[(1 * 4 + 1) * 3]);  // y = 0
        Assert.Equal(200f - 5f, t[(2 * 4 + 1) * 3]); // y = 1
        Assert.Equal(-5f, t[(3 * 4 + 1) * 3]);      // y = 2: outside

        // Half a pixel above the frame (y = −0.25, inside the band) is the edge row, not a blend with black.
        float[] band = Crop(Ramp, 4, 2, PixelFormat.Gray8, new RotatedRoi(2, 1, 2, 2, 0), 4, BorderTypes.Constant, 1f, 0f, CropSampling.PixelCentres);
        Assert.Equal(30f, band[0], 4);
    }
}
