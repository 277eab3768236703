using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Smoothing;

/// <summary>
/// LandmarksSmoothingCalculator with the One-Euro filter (docs/pose-pipeline.md#smoothing): one filter per landmark and axis, on
/// pixel (or metre) coordinates, with value_scale = 1 / object scale unless scaling is disabled. Visibility and
/// presence pass through (see <see cref="VisibilitySmoother"/>). Filters are built once; <see cref="Reset"/> only
/// clears state, so a frame allocates nothing.
/// </summary>
public sealed class LandmarkSmoother
{
    /// <summary>Below this object scale MediaPipe returns the landmarks unfiltered and keeps the filter state.</summary>
    public const float MinAllowedObjectScale = 1e-6f;

    private readonly OneEuroFilter[] _filters;
    private readonly bool _disableValueScaling;

    public LandmarkSmoother(int landmarkCount, OneEuroFilterSettings settings)
    {
        _filters = new OneEuroFilter[landmarkCount * 3];
        for (int i = 0; i < _filters.Length; i++)
        {
            _filters[i] = new OneEuroFilter(settings);
        }

        _disableValueScaling = settings.DisableValueScaling;
    }

    public int LandmarkCount => _filters.Length / 3;

    /// <summary>Smooths image landmarks (pixels) in place; <paramref name="objectScalePixels"/> sets value_scale.</summary>
    public void Apply(Span<Landmark> landmarks, long timestampNs, float objectScalePixels)
    {
        CheckCount(landmarks.Length);
        if (!TryValueScale(objectScalePixels, out double valueScale))
        {
            return;
        }

        for (int i = 0; i < landmarks.Length; i++)
        {
            Landmark lm = landmarks[i];
            var (x, y, z) = Filter(i, timestampNs, valueScale, lm.X, lm.Y, lm.Z);
            landmarks[i] = lm with { X = x, Y = y, Z = z };
        }
    }

    /// <summary>Smooths world landmarks (metres) in place; the world preset disables value scaling.</summary>
    public void Apply(Span<WorldLandmark> landmarks, long timestampNs, float objectScale = 1f)
    {
        CheckCount(landmarks.Length);
        if (!TryValueScale(objectScale, out double valueScale))
        {
            return;
        }

        for (int i = 0; i < landmarks.Length; i++)
        {
            WorldLandmark lm = landmarks[i];
            var (x, y, z) = Filter(i, timestampNs, valueScale, lm.X, lm.Y, lm.Z);
            landmarks[i] = lm with { X = x, Y = y, Z = z };
        }
    }

    // One One-Euro filter per landmark per axis, as MediaPipe filters x, y and z separately.
    private (float X, float Y, float Z) Filter(int landmark, long timestampNs, double valueScale, float x, float y, float z) =>
        (_filters[3 * landmark].Apply(timestampNs, valueScale, x),
         _filters[(3 * landmark) + 1].Apply(timestampNs, valueScale, y),
         _filters[(3 * landmark) + 2].Apply(timestampNs, valueScale, z));

    public void Reset()
    {
        foreach (OneEuroFilter filter in _filters)
        {
            filter.Reset();
        }
    }

    private bool TryValueScale(float objectScale, out double valueScale)
    {
        valueScale = 1.0;
        if (_disableValueScaling)
        {
            return true;
        }

        if (!(objectScale >= MinAllowedObjectScale))
        {
            return false;
        }

        valueScale = 1.0 / objectScale;
        return true;
    }

    private void CheckCount(int count)
    {
        if (count != LandmarkCount)
        {
            throw new ArgumentException($"{count} landmarks given to a smoother built for {LandmarkCount}");
        }
    }
}
