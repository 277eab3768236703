using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// Picks which detector candidate is "the subject" (issue 10 item 4). MediaPipe takes the highest score; by default
/// we lock on to the largest, most central person at the first detection, and at every re-detection take the
/// candidate whose hip centre is closest to where the subject was last seen, so a lost frame never hands the
/// engine to a bystander. The last known place is kept until <see cref="Reset"/>.
/// </summary>
public sealed class SubjectSelector
{
    private readonly SubjectSelection _mode;
    private bool _hasSubject;
    private float _lastX, _lastY;

    public SubjectSelector(SubjectSelection mode) => _mode = mode;

    public bool HasSubject => _hasSubject;

    /// <summary>Index of the chosen candidate in <paramref name="candidates"/> (normalised image coordinates, descending score), or −1.</summary>
    public int Select(ReadOnlySpan<PoseDetection> candidates, int imageWidth, int imageHeight)
    {
        if (candidates.Length == 0)
        {
            return -1;
        }

        if (_mode == SubjectSelection.HighestScore)
        {
            return 0;
        }

        int best = 0;
        float bestValue = float.NegativeInfinity;
        float halfDiagonal = 0.5f * MathF.Sqrt((float)imageWidth * imageWidth + (float)imageHeight * imageHeight);
        for (int i = 0; i < candidates.Length; i++)
        {
            float hipX = candidates[i].HipCenterX * imageWidth;
            float hipY = candidates[i].HipCenterY * imageHeight;
            float value;
            if (_hasSubject)
            {
                value = -Distance(hipX, hipY, _lastX, _lastY);
            }
            else
            {
                // Body size (hip centre → full-body point) discounted by up to half for a person at the corner.
                float size = Distance(hipX, hipY, candidates[i].BodyPointX * imageWidth, candidates[i].BodyPointY * imageHeight);
                float offCentre = MathF.Min(1f, Distance(hipX, hipY, imageWidth / 2f, imageHeight / 2f) / halfDiagonal);
                value = size * (1f - 0.5f * offCentre);
            }

            if (value > bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Records where the subject is now (its hip centre in pixels).</summary>
    public void Update(float hipCenterX, float hipCenterY)
    {
        _hasSubject = true;
        _lastX = hipCenterX;
        _lastY = hipCenterY;
    }

    public void Reset() => _hasSubject = false;

    private static float Distance(float x0, float y0, float x1, float y1)
    {
        float dx = x1 - x0, dy = y1 - y0;
        return MathF.Sqrt(dx * dx + dy * dy);
    }
}
