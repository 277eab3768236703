using ValgusVision.Tests.Support;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose;

namespace ValgusVision.App.Tests;

/// <summary>
/// One BlazePose estimator per mode (video or still, flip averaging on or off), loaded once for all end-to-end tests:
/// loading the ONNX models costs more than analysing a 5-frame clip. Jobs get them through <see cref="Create"/>
/// wrapped so that a job's Dispose does not unload them.
/// </summary>
public sealed class PoseEngineFixture : IDisposable
{
    private readonly string _models = Path.Combine(TestPaths.RepoRoot, "models");
    private readonly Dictionary<(bool Still, bool Flip), BlazePoseEstimator> _engines = [];

    /// <summary>
    /// The levers the job resolved (the product's defaults unless a test set others), so the tests measure what
    /// `valgus analyze` runs. Only the full model's default levers are shared; anything else would be another engine.
    /// </summary>
    public IPoseEstimator Create(bool still, PoseLevers levers)
    {
        ArgumentNullException.ThrowIfNull(levers);
        if (levers with { FlipAveraging = null } != PoseLevers.Default)
        {
            throw new ArgumentException($"the shared engine runs the default levers, not {levers.Label}", nameof(levers));
        }

        var key = (still, levers.FlipAveraging == true);
        lock (_engines)
        {
            if (!_engines.TryGetValue(key, out var engine))
            {
                engine = new BlazePoseEstimator(levers.ApplyTo(new BlazePoseOptions { ModelDirectory = _models, StaticImageMode = still }));
                _engines[key] = engine;
            }

            return new Borrowed(engine);
        }
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }
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
