using System.Runtime.InteropServices;
using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Benchmarks;

/// <summary>
/// Finds the repository (the folder holding ValgusVision.sln) from the working directory or the binaries, and reads
/// the pose benchmarks' frame.
/// </summary>
internal static class PoseBenchmarkPaths
{
    /// <summary>The pose benchmarks' 1280×720 frame: frame 0 of ../shared/testdata/videos/soccer-3people-5frames.mp4, BGR.</summary>
    public static ImageFrame BenchmarkFrame(string repoRoot)
    {
        string video = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "testdata", "videos", "soccer-3people-5frames.mp4"));
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

    public static string RepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("run the benchmarks from inside the repository (no ValgusVision.sln found above the working directory)");
    }
}
