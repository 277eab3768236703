using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Tests.Ankle;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Tests.Overlay;

public class ShankOverlayPainterTests
{
    private const int W = 1280, H = 720;

    private static byte[] Paint(double shankDeg, bool heelLifted, double? angle)
    {
        var pose = new SyntheticLunge { ShankDeg = shankDeg }.Frame(0, 0);
        var pixels = new byte[W * H * 3];
        Array.Fill(pixels, (byte)0x40);
        using var painter = new ShankOverlayPainter(W, H);
        painter.Paint(pixels, W * 3, PixelFormat.Bgr24, pose, new ShankOverlayState(Side.Left, angle, 0, heelLifted, 1, 35, null));
        return pixels;
    }

    private static (byte B, byte G, byte R) ShankMiddle(byte[] pixels, double shankDeg)
    {
        var pose = new SyntheticLunge { ShankDeg = shankDeg }.Frame(0, 0);
        var knee = pose[BodyLandmark.LeftKnee];
        var ankle = pose[BodyLandmark.LeftAnkle];
        int x = (int)((knee.X + ankle.X) / 2), y = (int)((knee.Y + ankle.Y) / 2);
        int i = (y * W * 3) + (x * 3);
        return (pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    [Fact]
    public void Shank_at_or_above_the_cut_off_is_green()
    {
        var (b, g, r) = ShankMiddle(Paint(40, false, 40), 40);
        Assert.Equal((OverlayPalette.Green.Blue, OverlayPalette.Green.Green, OverlayPalette.Green.Red), (b, g, r));
    }

    [Fact]
    public void Shank_below_the_cut_off_is_amber_and_unmeasured_grey()
    {
        Assert.Equal((OverlayPalette.Amber.Blue, OverlayPalette.Amber.Green, OverlayPalette.Amber.Red), ShankMiddle(Paint(30, false, 30), 30));
        Assert.Equal((OverlayPalette.Grey.Blue, OverlayPalette.Grey.Green, OverlayPalette.Grey.Red), ShankMiddle(Paint(30, false, null), 30));
    }

    [Fact]
    public void Heel_lift_draws_an_amber_banner_across_the_top()
    {
        var lifted = Paint(40, true, 40);
        var down = Paint(40, false, 40);
        int i = (4 * W * 3) + (3 * 3);
        Assert.True(lifted[i + 2] > 0xC0 && lifted[i] < 0x60, "banner pixel should be amber");
        Assert.Equal(0x40, down[i + 2]);
    }
}
