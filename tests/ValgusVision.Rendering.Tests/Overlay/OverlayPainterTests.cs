using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Tests.Fixtures;

namespace ValgusVision.Rendering.Tests.Overlay;

public class OverlayPainterTests
{
    private static (byte B, byte G, byte R) Pixel(byte[] bgr, int stride, int x, int y)
    {
        var o = (y * stride) + (x * 3);
        return (bgr[o], bgr[o + 1], bgr[o + 2]);
    }

    private static bool Near((byte B, byte G, byte R) actual, SkiaSharp.SKColor expected, int tolerance = 40) =>
        Math.Abs(actual.B - expected.Blue) <= tolerance &&
        Math.Abs(actual.G - expected.Green) <= tolerance &&
        Math.Abs(actual.R - expected.Red) <= tolerance;

    private static (byte[] Pixels, int Stride) Paint(SyntheticSquat squat, int frame, Func<OverlayFrameState, OverlayFrameState>? change = null)
    {
        var timeline = SyntheticOverlayData.Timeline(squat);
        var stride = squat.Width * 3;
        var pixels = SyntheticOverlayData.Background(squat.Width, squat.Height, stride);
        using var painter = new OverlayPainter(squat.Width, squat.Height, timeline);
        var state = SyntheticOverlayData.State(squat, timeline, frame);
        painter.Paint(pixels, stride, PixelFormat.Bgr24, squat.Pose(frame), change is null ? state : change(state));
        return (pixels, stride);
    }

    private static (int X, int Y) ThighMiddle(SyntheticSquat squat, int frame)
    {
        var pose = squat.Pose(frame);
        var hip = pose[BodyLandmark.LeftHip];
        var knee = pose[BodyLandmark.LeftKnee];
        return ((int)((hip.X + knee.X) / 2), (int)((hip.Y + knee.Y) / 2));
    }

    [Theory]
    [InlineData(0, FppaBand.Normal)]
    [InlineData(60, FppaBand.Elevated)]
    [InlineData(240, FppaBand.Valgus)]
    public void Stance_thigh_is_drawn_in_the_colour_of_its_fppa_band(int frame, FppaBand band)
    {
        var squat = new SyntheticSquat();
        Assert.Equal(band, FppaBands.ForThreshold(SyntheticOverlayData.Threshold).Classify(SyntheticSquat.Fppa(squat.Pose(frame))));
        var (pixels, stride) = Paint(squat, frame);
        var (x, y) = ThighMiddle(squat, frame);
        Assert.True(Near(Pixel(pixels, stride, x, y), OverlayPalette.For(band)), $"thigh pixel {Pixel(pixels, stride, x, y)} is not {band}");
    }

    [Fact]
    public void Undefined_fppa_draws_the_stance_leg_grey()
    {
        var squat = new SyntheticSquat();
        var (pixels, stride) = Paint(squat, 240, s => s with { FppaDegrees = null });
        var (x, y) = ThighMiddle(squat, 240);
        Assert.True(Near(Pixel(pixels, stride, x, y), OverlayPalette.Grey, 20));
    }

    [Fact]
    public void Valgus_event_draws_a_red_banner_across_the_top()
    {
        var squat = new SyntheticSquat();
        var (during, stride) = Paint(squat, 240);
        var (outside, _) = Paint(squat, 240, s => s with { InValgusEvent = false });
        Assert.True(Near(Pixel(during, stride, squat.Width - 5, 5), OverlayPalette.Red, 30));
        Assert.False(Near(Pixel(outside, stride, squat.Width - 5, 5), OverlayPalette.Red, 30));
    }

    [Fact]
    public void Timeline_strip_darkens_the_bottom_of_the_frame()
    {
        var squat = new SyntheticSquat();
        var stride = squat.Width * 3;
        var before = SyntheticOverlayData.Background(squat.Width, squat.Height, stride);
        var (after, _) = Paint(squat, 0);
        var y = squat.Height - 3;
        Assert.True(Pixel(after, stride, 3, y).G < Pixel(before, stride, 3, y).G);
    }

    [Fact]
    public void Bgr_and_bgra_frames_get_the_same_overlay()
    {
        var squat = new SyntheticSquat(640, 360);
        var timeline = SyntheticOverlayData.Timeline(squat);
        var bgr = SyntheticOverlayData.Background(squat.Width, squat.Height, squat.Width * 3);
        var bgra = new byte[squat.Width * squat.Height * 4];
        for (var i = 0; i < squat.Width * squat.Height; i++)
        {
            bgra[(i * 4) + 0] = bgr[(i * 3) + 0];
            bgra[(i * 4) + 1] = bgr[(i * 3) + 1];
            bgra[(i * 4) + 2] = bgr[(i * 3) + 2];
            bgra[(i * 4) + 3] = 255;
        }

        using var painter = new OverlayPainter(squat.Width, squat.Height, timeline);
        var state = SyntheticOverlayData.State(squat, timeline, 150);
        painter.Paint(bgr, squat.Width * 3, PixelFormat.Bgr24, squat.Pose(150), state);
        painter.Paint(bgra, squat.Width * 4, PixelFormat.Bgra32, squat.Pose(150), state);
        for (var i = 0; i < squat.Width * squat.Height; i++)
        {
            Assert.Equal(bgr[i * 3], bgra[i * 4]);
            Assert.Equal(bgr[(i * 3) + 2], bgra[(i * 4) + 2]);
        }
    }

    [Fact]
    public void Row_padding_beyond_the_frame_is_left_untouched()
    {
        var squat = new SyntheticSquat(320, 240);
        var timeline = SyntheticOverlayData.Timeline(squat);
        var stride = (320 * 3) + 16;
        var pixels = new byte[stride * 240];
        for (var y = 0; y < 240; y++)
        {
            pixels.AsSpan((y * stride) + 960, 16).Fill(0xAB);
        }

        using var painter = new OverlayPainter(320, 240, timeline);
        painter.Paint(pixels, stride, PixelFormat.Bgr24, squat.Pose(60), SyntheticOverlayData.State(squat, timeline, 60));
        for (var y = 0; y < 240; y++)
        {
            Assert.All(pixels.AsSpan((y * stride) + 960, 16).ToArray(), b => Assert.Equal(0xAB, b));
        }
    }

    [Fact]
    public void A_buffer_too_small_for_the_frame_is_refused_with_its_size()
    {
        var squat = new SyntheticSquat(320, 240);
        using var painter = new OverlayPainter(320, 240, SyntheticOverlayData.Timeline(squat));
        var error = Assert.Throws<ArgumentException>(() =>
            painter.Paint(new byte[100], 960, PixelFormat.Bgr24, squat.Pose(0), default));
        Assert.Contains("320×240", error.Message);
    }

    [Fact]
    public void Painting_a_frame_allocates_nothing_once_its_labels_are_known()
    {
        var squat = new SyntheticSquat();
        var timeline = SyntheticOverlayData.Timeline(squat);
        var stride = squat.Width * 3;
        var pixels = SyntheticOverlayData.Background(squat.Width, squat.Height, stride);
        using var painter = new OverlayPainter(squat.Width, squat.Height, timeline);
        var pose = squat.Pose(240);
        var state = SyntheticOverlayData.State(squat, timeline, 240);
        painter.Paint(pixels, stride, PixelFormat.Bgr24, pose, state);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            painter.Paint(pixels, stride, PixelFormat.Bgr24, pose, state);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(320, 240)]
    [InlineData(1280, 720)]
    [InlineData(1080, 1920)]
    [InlineData(3840, 2160)]
    public void Overlay_is_drawn_at_any_resolution_and_orientation(int width, int height)
    {
        var squat = new SyntheticSquat(width, height);
        var (pixels, stride) = Paint(squat, 240);
        var (x, y) = ThighMiddle(squat, 240);
        Assert.True(Near(Pixel(pixels, stride, x, y), OverlayPalette.Red), $"{width}×{height}: thigh not red");
        DebugImages.SaveBgr($"overlay-{width}x{height}", pixels, width, height, stride);
    }
}
