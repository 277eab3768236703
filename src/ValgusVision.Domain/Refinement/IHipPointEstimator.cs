using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>Moves the model's two hip points, in place and without allocating, towards the hip joint centres.</summary>
public interface IHipPointEstimator
{
    /// <summary>Moves the hips of a pose result (frame pixels) in place; nothing happens without a pose or world landmarks.</summary>
    void Apply(PoseResult result);

    /// <summary>Moves the two hips of <paramref name="image"/> in place; false (nothing moved) when the world landmarks cannot say how.</summary>
    bool Apply(Span<Landmark> image, ReadOnlySpan<WorldLandmark> world);

    /// <summary>Forgets what earlier frames taught (a new sequence starts); a per-frame estimator has nothing to forget.</summary>
    void Reset()
    {
    }
}
