using System.Runtime.InteropServices;
using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Benchmarks;

/// <summary>
/// Reads the pose benchmarks' frame (the repository and its test data are found by <see cref="TestPaths"/>).
/// </summary>
internal static class PoseBenchmarkPaths
{
    /// <summary>The pose benchmarks' 1280×720 frame: frame 0 of tests/data/mmpose/videos/soccer-3people-5frames.mp4, BGR.</summary>
    public static ImageFrame BenchmarkFrame()
    {
        string video = TestPaths.Video("soccer-3people-5frames.mp4");
        using var capture = new VideoCapture(video);
        using var mat = new Mat();
        if (!capture.Read(mat) || mat.Empty())
        {
            throw new InvalidDataException($"cannot read a frame from '{video}'");
        }

        var pixels = new byte[mat.Step() * mat.Rows];
        Marshal.Copy(mat.Data, pixels, 0, pixels.Length);
        return new ImageFrame(pixels, mat.Cols, mat.Rows, (int)mat.Step(), PixelFormat.Bgr24, 0);
    }
}
