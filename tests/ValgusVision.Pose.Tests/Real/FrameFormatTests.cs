using OpenCvSharp;
using ValgusVision.Domain.Pose;
using Xunit.Abstractions;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>Issue 10 item 6: any frame size and aspect (a real person cut to the frame's aspect), BGR, BGRA or gray, padded rows.</summary>
public class FrameFormatTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(160, 120, "bgr")]
    [InlineData(720, 1280, "bgr")]
    [InlineData(3840, 2160, "bgr")]
    [InlineData(1280, 720, "bgra")]
    [InlineData(1280, 720, "gray")]
    [InlineData(721, 1283, "padded")]
    public void Person_is_found_in_frames_of_any_size_and_format(int width, int height, string format)
    {
        AnnotatedPerson person = Annotations.H36m().Single(p => p.Image.Contains("S7_Greeting", StringComparison.Ordinal));
        using Mat source = TestFiles.ReadImage(person.Image);

        // Cut the widest window of the canvas's aspect around the person and scale it to the canvas, so the person
        // keeps the share of the frame BlazePose's detector is made for (it finds faces, not tiny figures).
        float aspect = (float)width / height;
        int cw = Math.Min(source.Cols, (int)(source.Rows * aspect)), ch = Math.Min(source.Rows, (int)(source.Cols / aspect));
        int cx = Math.Clamp((int)person.HipCentre.X - cw / 2, 0, source.Cols - cw);
        int cy = Math.Clamp((int)person.HipCentre.Y - ch / 2, 0, source.Rows - ch);
        float scale = (float)width / cw;
        using var canvas = new Mat();
        using (var window = new Mat(source, new Rect(cx, cy, cw, ch)))
        {
            Cv2.Resize(window, canvas, new Size(width, height), 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        }

        float ox = -cx * scale, oy = -cy * scale;
        ImageFrame frame = format switch
        {
            "bgra" => Convert(canvas, ColorConversionCodes.BGR2BGRA),
            "gray" => Convert(canvas, ColorConversionCodes.BGR2GRAY),
            "padded" => Padded(canvas, 52),
            _ => TestFiles.ToFrame(canvas, 0),
        };
        using var estimator = new BlazePoseEstimator(TestFiles.Options() with { StaticImageMode = true });
        var result = new PoseResult();

        estimator.Estimate(frame, result);

        Assert.True(result.HasPose, $"{width}×{height} {format}: no pose (presence {result.PresenceScore:0.00}), roi {result.Roi}, truth hip {person.HipCentre.X * scale + ox}, {person.HipCentre.Y * scale + oy}");
        (float X, float Y) truth = (person.HipCentre.X * scale + ox, person.HipCentre.Y * scale + oy);
        (float X, float Y) ours = ((result.Landmarks[23].X + result.Landmarks[24].X) / 2, (result.Landmarks[23].Y + result.Landmarks[24].Y) / 2);
        float error = AnnotatedPerson.Distance(truth, ours) / (person.TorsoPixels * scale);
        output.WriteLine($"{width}×{height} {format}: presence {result.PresenceScore:0.00}, hip centre off by {error:0.00} torso, roi {result.Roi}");
        Assert.True(error < 0.3f, $"hip centre {error:0.00} torso lengths from the truth");
    }

    private static ImageFrame Convert(Mat bgr, ColorConversionCodes code)
    {
        using var converted = new Mat();
        Cv2.CvtColor(bgr, converted, code);
        return TestFiles.ToFrame(converted, 0);
    }

    /// <summary>A BGR frame whose rows carry <paramref name="padBytes"/> bytes of garbage after the pixels.</summary>
    private static ImageFrame Padded(Mat bgr, int padBytes)
    {
        int rows = bgr.Rows, rowBytes = bgr.Cols * 3, stride = rowBytes + padBytes;
        var pixels = new byte[stride * rows];
        Array.Fill(pixels, (byte)200);
        ImageFrame tight = TestFiles.ToFrame(bgr, 0);
        for (int y = 0; y < rows; y++)
        {
            tight.Pixels.Span.Slice(y * tight.StrideBytes, rowBytes).CopyTo(pixels.AsSpan(y * stride));
        }

        return new ImageFrame(pixels, bgr.Cols, rows, stride, PixelFormat.Bgr24, 0);
    }

    [Fact]
    public void Frame_smaller_than_its_stated_size_is_refused_with_its_layout()
    {
        using var estimator = new BlazePoseEstimator(TestFiles.Options());
        var frame = new ImageFrame(new byte[100], 640, 480, 1920, PixelFormat.Bgr24, 1.5);

        var e = Assert.Throws<ArgumentException>(() => estimator.Estimate(frame, new PoseResult()));

        Assert.Contains("640×480", e.Message);
        Assert.Contains("1.5 s", e.Message);
    }
}
