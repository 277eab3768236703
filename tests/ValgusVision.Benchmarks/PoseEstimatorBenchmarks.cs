using ValgusVision.Tests.Support;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose;

namespace ValgusVision.Benchmarks;

/// <summary>
/// One pose-estimation frame on a real 1280×720 frame (soccer-3people-5frames.mp4, frame 0), full landmark model, ORT
/// threads as the engine defaults them (BlazePoseOptions.DefaultIntraOpThreads: 1 on this 2-core machine), no spinning. Tracking = crop → landmark model → decode → refine → project → smooth → next ROI;
/// Detection = the same plus the detector (static-image mode); FlipAveraged = tracking with the landmark model also on the
/// mirrored crop (issue 12's lever: its cost), its mirrored run beside the plain one on a second thread (the default,
/// BlazePoseOptions.ConcurrentFlip) or after it (FlipAveragedSequential). MemoryDiagnoser must show 0 B for every one.
/// Run: dotnet run -c Release --project tests/ValgusVision.Benchmarks -- --filter '*PoseEstimator*'
/// </summary>
[MemoryDiagnoser]
[InProcess] // the generated-project build times out on this busy 2-core machine
public class PoseEstimatorBenchmarks
{
    private BlazePoseEstimator _tracking = null!;
    private BlazePoseEstimator _static = null!;
    private BlazePoseEstimator _flip = null!;
    private BlazePoseEstimator _flipSequential = null!;
    private readonly PoseResult _result = new();
    private ImageFrame _frame;
    private double _time;

    [GlobalSetup]
    public void Setup()
    {
        string root = TestPaths.RepoRoot;
        _frame = PoseBenchmarkPaths.BenchmarkFrame();
        var options = new BlazePoseOptions { Model = PoseModelKind.Full, ModelDirectory = Path.Combine(root, "models") };
        _tracking = new BlazePoseEstimator(options);
        _static = new BlazePoseEstimator(options with { StaticImageMode = true });
        _flip = new BlazePoseEstimator(options with { FlipAveraging = true });
        _flipSequential = new BlazePoseEstimator(options with { FlipAveraging = true, ConcurrentFlip = false });
        _flip.Estimate(_frame, _result);
        _flipSequential.Estimate(_frame, _result);
        _tracking.Estimate(_frame, _result);
        if (!_result.HasPose)
        {
            throw new InvalidOperationException("no pose on the benchmark frame");
        }
    }

    [Benchmark(Baseline = true)]
    public bool TrackingFrame720p()
    {
        _time += 1 / 30.0;
        _tracking.Estimate(_frame with { TimestampSeconds = _time }, _result);
        return _result.HasPose;
    }

    [Benchmark]
    public bool TrackingFrame720pFlipAveraged()
    {
        _time += 1 / 30.0;
        _flip.Estimate(_frame with { TimestampSeconds = _time }, _result);
        return _result.HasPose;
    }

    [Benchmark]
    public bool TrackingFrame720pFlipAveragedSequential()
    {
        _time += 1 / 30.0;
        _flipSequential.Estimate(_frame with { TimestampSeconds = _time }, _result);
        return _result.HasPose;
    }

    [Benchmark]
    public bool DetectorFrame720p()
    {
        _time += 1 / 30.0;
        _static.Estimate(_frame with { TimestampSeconds = _time }, _result);
        return _result.HasPose;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracking.Dispose();
        _static.Dispose();
        _flip.Dispose();
        _flipSequential.Dispose();
    }
}
