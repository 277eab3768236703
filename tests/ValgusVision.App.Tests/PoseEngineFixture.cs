using ValgusVision.Tests.Support;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose;

namespace ValgusVision.App.Tests;

/// <summary>
/// One BlazePose estimator per mode (video, still), loaded once for all end-to-end tests: loading the ONNX models
/// costs more than analysing a 5-frame clip. Jobs get them through <see cref="Create"/> wrapped so that a job's
/// Dispose does not unload them.
/// </summary>
public sealed class PoseEngineFixture : IDisposable
{
    private readonly Lazy<BlazePoseEstimator> _video;
    private readonly Lazy<BlazePoseEstimator> _still;

    public PoseEngineFixture()
    {
        string models = Path.Combine(TestPaths.RepoRoot, "models");
        // The product's own pose levers (PoseLevers.Default), so the tests measure what `valgus analyze` runs.
        _video = new(() => new BlazePoseEstimator(PoseLevers.Default.ApplyTo(new BlazePoseOptions { ModelDirectory = models })));
        _still = new(() => new BlazePoseEstimator(PoseLevers.Default.ApplyTo(new BlazePoseOptions { ModelDirectory = models, StaticImageMode = true })));
    }

    public IPoseEstimator Create(bool still) => new Borrowed(still ? _still.Value : _video.Value);

    public void Dispose()
    {
        if (_video.IsValueCreated) _video.Value.Dispose();
        if (_still.IsValueCreated) _still.Value.Dispose();
    }

    private sealed class Borrowed(IPoseEstimator inner) : IPoseEstimator
    {
        public void Estimate(in ImageFrame frame, PoseResult result) => inner.Estimate(frame, result);

        public void Reset() => inner.Reset();

        public void Dispose()
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PoseEngineCollection : ICollectionFixture<PoseEngineFixture>
{
    public const string Name = "pose engine";
}
