using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.App.Tests;

/// <summary>A new sequence must also reset the hip point: the silhouette hips remember the standing leg of the last one.</summary>
public sealed class PoseStageResetTests
{
    [Fact]
    public void Reset_reaches_the_pose_model_and_the_hip_point()
    {
        var estimator = new CountingEstimator();
        var hips = new CountingHips();
        var stage = new PoseStage(estimator, null, hips);

        stage.Reset();
        stage.Reset();

        Assert.Equal(2, estimator.Resets);
        Assert.Equal(2, hips.Resets);
        new PoseStage(estimator, null).Reset(); // no hip point: nothing else to reset
        Assert.Equal(3, estimator.Resets);
    }

    private sealed class CountingEstimator : IPoseEstimator
    {
        public int Resets { get; private set; }

        public void Estimate(in ImageFrame frame, PoseResult result) => result.Clear();

        public void Reset() => Resets++;

        public void Dispose()
        {
        }
    }

    private sealed class CountingHips : IHipPointEstimator
    {
        public int Resets { get; private set; }

        public void Apply(PoseResult result)
        {
        }

        public bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world) => false;

        public void Reset() => Resets++;
    }
}
