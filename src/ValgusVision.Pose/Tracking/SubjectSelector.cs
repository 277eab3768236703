using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// Picks which detector candidate is "the subject" (issue 10 item 4) and keeps the engine on that person (issue 19
/// item 4). MediaPipe takes the highest score; by default we lock on to the largest, most central person at the
/// first detection, and at every re-detection take the candidate whose hip centre is closest to where the subject
/// was last seen. While the lock holds (the subject seen within <c>lockSeconds</c>), a candidate — or a tracked pose —
/// whose hip centre is more than <c>maxJumpBodySizes</c> body sizes from the subject's last hip centre is refused:
/// it is someone else, and the frame is "subject lost" rather than a switch of person. The same subject is taken back
/// as soon as a detection near its last place returns; once the lock has expired, the first-lock rule picks afresh.
/// </summary>
public sealed class SubjectSelector
{
    /// <summary>One body size (hip centre to the full-body point, about half the standing height): no one moves that far between two looks.</summary>
    public const float DefaultMaxJumpBodySizes = 1f;

    /// <summary>Two seconds: a squat set is not interrupted longer than that by someone walking through.</summary>
    public const double DefaultLockSeconds = 2;

    private readonly SubjectSelection _mode;
    private readonly float _maxJumpBodySizes;
    private readonly double _lockSeconds;
    private bool _hasSubject;
    private float _lastX, _lastY, _lastSize;
    private double _lastSeenSeconds;

    public SubjectSelector(SubjectSelection mode, float maxJumpBodySizes = DefaultMaxJumpBodySizes, double lockSeconds = DefaultLockSeconds)
    {
        _mode = mode;
        _maxJumpBodySizes = maxJumpBodySizes;
        _lockSeconds = lockSeconds;
    }

    public bool HasSubject => _hasSubject;

    /// <summary>True when the last <see cref="Select"/> refused every candidate as too far from the locked subject.</summary>
    public bool Refused { get; private set; }

    /// <summary>
    /// Index of the chosen candidate in <paramref name="candidates"/> (normalised image coordinates, descending score),
    /// or −1: none, or (<see cref="Refused"/>) none near the locked subject.
    /// </summary>
    public int Select(ReadOnlySpan<PoseDetection> candidates, int imageWidth, int imageHeight, double timeSeconds)
    {
        Refused = false;
        if (candidates.Length == 0)
        {
            return -1;
        }

        if (_mode == SubjectSelection.HighestScore)
        {
            return 0;
        }

        bool locked = IsLocked(timeSeconds);
        int best = 0;
        float bestValue = float.NegativeInfinity;
        float halfDiagonal = 0.5f * MathF.Sqrt((float)imageWidth * imageWidth + (float)imageHeight * imageHeight);
        for (int i = 0; i < candidates.Length; i++)
        {
            float hipX = candidates[i].HipCenterX * imageWidth;
            float hipY = candidates[i].HipCenterY * imageHeight;
            float value;
            if (locked)
            {
                value = -PixelDistance.Between(hipX, hipY, _lastX, _lastY);
            }
            else
            {
                // Body size discounted by up to half for a person at the corner.
                float size = PixelDistance.BodySize(candidates[i], imageWidth, imageHeight);
                float offCentre = MathF.Min(1f, PixelDistance.Between(hipX, hipY, imageWidth / 2f, imageHeight / 2f) / halfDiagonal);
                value = size * (1f - 0.5f * offCentre);
            }

            if (value > bestValue)
            {
                bestValue = value;
                best = i;
            }
        }

        if (locked && -bestValue > _maxJumpBodySizes * _lastSize)
        {
            Refused = true;
            return -1;
        }

        return best;
    }

    /// <summary>
    /// Whether a pose whose hip centre is at (<paramref name="hipCenterX"/>, <paramref name="hipCenterY"/>) pixels is
    /// too far from the locked subject to be it (the tracked ROI slid on to someone else).
    /// </summary>
    public bool IsSomeoneElse(float hipCenterX, float hipCenterY, double timeSeconds) =>
        _mode == SubjectSelection.LockOnSubject && IsLocked(timeSeconds) &&
        PixelDistance.Between(hipCenterX, hipCenterY, _lastX, _lastY) > _maxJumpBodySizes * _lastSize;

    /// <summary>Records where the subject is now: its hip centre and body size in pixels, and the frame's time.</summary>
    public void Update(float hipCenterX, float hipCenterY, float bodySize, double timeSeconds)
    {
        _hasSubject = true;
        _lastX = hipCenterX;
        _lastY = hipCenterY;
        _lastSize = bodySize;
        _lastSeenSeconds = timeSeconds;
    }

    public void Reset() => _hasSubject = false;

    /// <summary>The lock holds from the subject's last sighting for the lock time (and not across a jump back in time, a new clip).</summary>
    private bool IsLocked(double timeSeconds) =>
        _hasSubject && timeSeconds >= _lastSeenSeconds && timeSeconds - _lastSeenSeconds <= _lockSeconds;
}
