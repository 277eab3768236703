using ValgusVision.Tests.Support;
using System.Diagnostics;
using System.Runtime.InteropServices;
using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose;

namespace ValgusVision.Benchmarks;

/// <summary>
/// A 720p tracking-mode frame (crop → full landmark model → decode → refine → smooth) with the models of several
/// folders, interleaved frame by frame so each sees the same machine noise; per-stage medians and the total's p10.
/// Run: <c>dotnet run -c Release -- pose-frames ROUNDS DIR…</c> (a DIR holds pose_detection.onnx and pose_landmark_full.onnx;
/// written <c>pixel-centres:DIR</c> it crops like MediaPipe's GPU converter, <see cref="CropSampling.PixelCentres"/>;
/// <c>spin:DIR</c> (before either) lets ORT's threads spin between runs, <see cref="BlazePoseOptions.ThreadSpinning"/>;
/// <c>t2:DIR</c> (before all) runs ORT on two threads instead of <see cref="BlazePoseOptions.DefaultIntraOpThreads"/>;
/// <c>nocount:DIR</c> (before all) turns off the once-a-second people count, <see cref="BlazePoseOptions.PeopleCountIntervalSeconds"/>;
/// <c>flip:DIR</c> / <c>flipseq:DIR</c> (before all) flip-average, the mirrored run beside the plain one or after it,
/// <see cref="BlazePoseOptions.ConcurrentFlip"/>).
/// The mean column includes the people count's frames, which the median hides.
/// </summary>
public static class PoseFrameInterleaved
{
    public static void Run(int rounds, string[] modelDirectories)
    {
        string root = TestPaths.RepoRoot;
        var frame = PoseBenchmarkPaths.BenchmarkFrame();
        const string PixelCentres = "pixel-centres:";
        const string Spinning = "spin:";
        const string TwoThreads = "t2:";
        const string NoCount = "nocount:";
        const string Flip = "flip:";
        const string FlipSequential = "flipseq:";
        var estimators = modelDirectories
            .Select(d =>
            {
                bool flipSequential = d.StartsWith(FlipSequential, StringComparison.Ordinal);
                d = flipSequential ? d[FlipSequential.Length..] : d;
                bool flip = flipSequential || d.StartsWith(Flip, StringComparison.Ordinal);
                d = flip && !flipSequential ? d[Flip.Length..] : d;
                bool noCount = d.StartsWith(NoCount, StringComparison.Ordinal);
                string dir = noCount ? d[NoCount.Length..] : d;
                bool two = dir.StartsWith(TwoThreads, StringComparison.Ordinal);
                dir = two ? dir[TwoThreads.Length..] : dir;
                bool spin = dir.StartsWith(Spinning, StringComparison.Ordinal);
                dir = spin ? dir[Spinning.Length..] : dir;
                bool centres = dir.StartsWith(PixelCentres, StringComparison.Ordinal);
                dir = centres ? dir[PixelCentres.Length..] : dir;
                var options = new BlazePoseOptions
                {
                    Model = PoseModelKind.Full,
                    ModelDirectory = Path.GetFullPath(dir),
                    CropSampling = centres ? CropSampling.PixelCentres : CropSampling.CornerAligned,
                    ThreadSpinning = spin,
                    IntraOpThreads = two ? 2 : BlazePoseOptions.DefaultIntraOpThreads,
                    PeopleCountIntervalSeconds = noCount ? 0 : 1,
                    FlipAveraging = flip,
                    ConcurrentFlip = !flipSequential,
                };
                return new BlazePoseEstimator(options);
            })
            .ToArray();
        var results = estimators.Select(_ => new PoseResult()).ToArray();
        var samples = estimators.Select(_ => new List<PoseStageTimings>()).ToArray();
        double time = 0;
        for (int round = -5; round < rounds; round++)
        {
            time += 1 / 30.0;
            for (int k = 0; k < estimators.Length; k++)
            {
                int e = (k + Math.Max(round, 0)) % estimators.Length;
                estimators[e].Estimate(frame with { TimestampSeconds = time }, results[e]);
                if (!results[e].HasPose)
                {
                    throw new InvalidOperationException($"{modelDirectories[e]}: no pose on the benchmark frame");
                }

                if (round >= 0)
                {
                    samples[e].Add(results[e].Timings);
                }
            }
        }

        Console.WriteLine("| models | crop ms | landmark model ms | decode+refine ms | smoothing ms | frame ms (median) | frame ms (p10) | frame ms (mean) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (int e = 0; e < estimators.Length; e++)
        {
            var s = samples[e];
            Console.WriteLine(
                $"| {modelDirectories[e]} | {Median(s, t => t.CropMs):F2} | {Median(s, t => t.LandmarkModelMs):F2} | {Median(s, t => t.DecodeMs):F2} | " +
                $"{Median(s, t => t.SmoothingMs):F2} | {Median(s, t => t.TotalMs):F2} | {Quantile(s, t => t.TotalMs, 0.1):F2} | {s.Average(t => t.TotalMs):F2} |");
            estimators[e].Dispose();
        }

        for (int e = 0; e < estimators.Length; e++)
        {
            // Tracking frames run no detector: the frames that did are the people counts.
            var counts = samples[e].Where(t => t.DetectorMs > 0).ToList();
            if (counts.Count > 0)
            {
                Console.WriteLine($"{modelDirectories[e]}: {counts.Count} people counts, detector {Median(counts, t => t.DetectorMs):F2} ms each (median), frame {Median(counts, t => t.TotalMs):F2} ms");
            }
        }
    }

    private static double Median(List<PoseStageTimings> s, Func<PoseStageTimings, double> f) => Quantile(s, f, 0.5);

    private static double Quantile(List<PoseStageTimings> s, Func<PoseStageTimings, double> f, double q)
    {
        var sorted = s.Select(f).Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }
}
