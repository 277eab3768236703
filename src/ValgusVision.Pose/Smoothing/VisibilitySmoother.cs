using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Smoothing;

/// <summary>
/// VisibilitySmoothingCalculator (docs/pose-pipeline.md#smoothing): a low-pass filter with α = 0.1 on each landmark's visibility
/// only. In the pose graph it is called only on frames with landmarks, so it keeps its state across gaps.
/// </summary>
public sealed class VisibilitySmoother
{
    public const float Alpha = 0.1f;

    private readonly LowPassFilter[] _filters;

    public VisibilitySmoother(int landmarkCount)
    {
        _filters = new LowPassFilter[landmarkCount];
        for (int i = 0; i < landmarkCount; i++)
        {
            _filters[i] = new LowPassFilter(Alpha);
        }
    }

    public void Apply(Span<Landmark> landmarks)
    {
        Check(landmarks.Length);
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = landmarks[i] with { Visibility = _filters[i].Apply(landmarks[i].Visibility) };
        }
    }

    public void Apply(Span<WorldLandmark> landmarks)
    {
        Check(landmarks.Length);
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = landmarks[i] with { Visibility = _filters[i].Apply(landmarks[i].Visibility) };
        }
    }

    public void Reset()
    {
        foreach (LowPassFilter filter in _filters)
        {
            filter.Reset();
        }
    }

    private void Check(int count)
    {
        if (count != _filters.Length)
        {
            throw new ArgumentException($"{count} landmarks given to a visibility smoother built for {_filters.Length}");
        }
    }
}
