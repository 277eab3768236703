using System.Collections.Immutable;
using OpenCvSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;
using ValgusVision.Live.Session;

namespace ValgusVision.Live.Tests;

/// <summary>The live overlay tells a refined knee (hollow ring) from the model's own point (filled dot).</summary>
public class LiveHudTests
{
    private const int Width = 1280, Height = 720;

    [Fact]
    public void Refined_stance_knee_is_a_hollow_ring_and_a_raw_one_a_filled_dot()
    {
        var raw = Frame(new JointRefinement(RefinedJoints.None, RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, RefinementIssue.LimbTouching));
        var refined = Frame(new JointRefinement(RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, RefinedJoints.None, RefinementIssue.None));

        using var rawImage = Draw(raw);
        using var refinedImage = Draw(refined);
        SaveForViewing(refinedImage, "live-hud-refined.png");

        // At the knee itself a dot is the leg's colour; a ring is dark there (its hole), with the colour on its stroke.
        Assert.True(IsLegColour(rawImage.At<Vec3b>(420, 700)), "raw knee: filled dot");
        Assert.False(IsLegColour(refinedImage.At<Vec3b>(420, 700)), "refined knee: hollow");
        Assert.True(IsLegColour(refinedImage.At<Vec3b>(420, 700 + 18)), "refined knee: ring stroke");
        Assert.False(IsLegColour(rawImage.At<Vec3b>(420, 700 + 18)), "raw knee: nothing that far out");
    }

    [Fact]
    public void An_untrusted_frame_is_grey_with_no_red_border_and_a_trusted_event_is_red()
    {
        var pose = Frame(new JointRefinement(RefinedJoints.None, RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, RefinementIssue.LimbTouching));
        using var trusted = Draw(pose, inEvent: true, untrusted: null);
        using var untrusted = Draw(pose, inEvent: true, untrusted: "not a frontal view");
        SaveForViewing(untrusted, "live-hud-untrusted.png");

        // The event border is the frame's outermost pixels; the stance knee carries the FPPA colour (green at 3°).
        Assert.True(IsRed(trusted.At<Vec3b>(2, 2)), "trusted event: red border");
        Assert.False(IsRed(untrusted.At<Vec3b>(2, 2)), "untrusted: no red border");
        Assert.True(IsLegColour(trusted.At<Vec3b>(420, 700)), "trusted: the band's colour");
        var knee = untrusted.At<Vec3b>(420, 700);
        Assert.True(Math.Abs(knee.Item0 - knee.Item1) < 12 && Math.Abs(knee.Item1 - knee.Item2) < 12, $"untrusted: grey knee, got {knee}");
    }

    [Fact]
    public void Fps_latency_and_the_refinement_legend_are_drawn_only_with_debug()
    {
        // A refined knee would bring the legend; fps and latency are the panel's fourth line.
        var pose = Frame(new JointRefinement(RefinedJoints.LeftKnee | RefinedJoints.LeftAnkle, RefinedJoints.None, RefinementIssue.None));
        using var client = Draw(pose);
        using var debug = Draw(pose, debug: true);
        SaveForViewing(client, "live-hud-client.png");
        SaveForViewing(debug, "live-hud-debug.png");

        // Below the panel's three client lines (reps, stance, set: up to y ≈ 150 at 720p) and left of the skeleton.
        var below = new Rect(0, 150, 600, 100);
        Assert.Equal(0, LitPixels(client, below));
        Assert.True(LitPixels(debug, below) > 200, "debug: fps, latency and the legend under the panel");
    }

    private static int LitPixels(Mat image, Rect box)
    {
        int lit = 0;
        for (int y = box.Top; y < box.Bottom; y++)
        {
            for (int x = box.Left; x < box.Right; x++)
            {
                var p = image.At<Vec3b>(y, x);
                if (p.Item0 + p.Item1 + p.Item2 > 150)
                {
                    lit++;
                }
            }
        }

        return lit;
    }

    private static bool IsRed(Vec3b bgr) => bgr.Item2 > 150 && bgr.Item0 < 100 && bgr.Item1 < 100;

    [Theory]
    [InlineData(10, -4.0)]
    [InlineData(10, 3.0)]
    [InlineData(10, 5.0)]
    [InlineData(10, 9.9)]
    [InlineData(10, 10.0)]
    [InlineData(20, 6.0)] // amber in the overlay video's bands (from 5°), green under the old HUD rule (threshold / 2)
    [InlineData(4, 4.5)]
    [InlineData(10, null)]
    public void The_live_window_colours_an_fppa_as_the_overlay_video_does(double threshold, double? fppa)
    {
        var expected = Rendering.Overlay.OverlayPalette.For(Rendering.Overlay.FppaBands.ForThreshold(threshold).Classify(fppa));
        var colour = new LiveHud(threshold, 0.5).ColourOf(fppa);
        Assert.Equal((expected.Blue, expected.Green, expected.Red), ((byte)colour.Val0, (byte)colour.Val1, (byte)colour.Val2));
    }

    /// <summary>The HUD's green (FPPA 3° is below the 5° amber band).</summary>
    private static bool IsLegColour(Vec3b bgr) => bgr.Item1 > 150 && bgr.Item2 < 150;

    private static Mat Draw(PoseFrame pose, bool inEvent = false, string? untrusted = null, bool debug = false)
    {
        var image = new Mat(Height, Width, MatType.CV_8UC3, Scalar.All(0));
        var hud = new LiveHud(10, 0.5);
        var metrics = new FrameMetrics(0, 0, true, 3, 1, null, null, Side.Left, null, null, null, null, null, null, null, null, null, null, null, false, default);
        hud.Draw(image, pose, metrics, new HudState(Side.Left, false, false, null, 0, null, false, inEvent, false, 30, 40, false, untrusted, debug));
        return image;
    }

    private static PoseFrame Frame(JointRefinement refinement)
    {
        var l = new Landmark[BodyLandmarks.Count];
        for (int i = 0; i < l.Length; i++)
        {
            l[i] = new Landmark(1200, 80, 0, 0, 0); // unseen: not drawn as bones
        }

        l[(int)BodyLandmark.LeftHip] = new Landmark(700, 300, 0, 1, 1);
        l[(int)BodyLandmark.LeftKnee] = new Landmark(700, 420, 0, 1, 1);
        l[(int)BodyLandmark.LeftAnkle] = new Landmark(700, 540, 0, 1, 1);
        return new PoseFrame(0, 0, Width, Height, true, ImmutableArray.Create(l), [], 1, false) { Refinement = refinement };
    }

    private static void SaveForViewing(Mat image, string name)
    {
        if (Environment.GetEnvironmentVariable("VALGUS_DEBUG_IMAGES") is { } folder)
        {
            Directory.CreateDirectory(folder);
            Cv2.ImWrite(Path.Combine(folder, name), image);
        }
    }
}
