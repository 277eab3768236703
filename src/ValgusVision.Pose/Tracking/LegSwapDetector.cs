using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// Flags frames where the model has probably swapped the left and right legs (issue 10 item 5). From one frame to
/// the next the knees and ankles move little; when pairing each with the other side's previous position explains
/// the motion far better than keeping the labels, the labels flipped. A flip toggles a "swapped" state that stays
/// (and flags every frame) until the flip back, or until the pose is lost. Works on unsmoothed landmarks: smoothing
/// would turn the jump into a slide.
/// </summary>
public sealed class LegSwapDetector
{
    /// <summary>The swapped pairing must cost less than this fraction of the kept pairing.</summary>
    public const float SwapCostRatio = 0.5f;

    /// <summary>The kept pairing must move the four joints by more than this fraction of the body scale in total.</summary>
    public const float MinJumpOfBodyScale = 0.15f;

    private static readonly int[] Left = [(int)BodyLandmark.LeftKnee, (int)BodyLandmark.LeftAnkle];
    private static readonly int[] Right = [(int)BodyLandmark.RightKnee, (int)BodyLandmark.RightAnkle];

    private readonly float[] _previous = new float[8];
    private bool _hasPrevious;
    private bool _swapped;

    /// <summary>
    /// Checks this frame's landmarks (pixels) against the previous frame's; <paramref name="bodyScalePixels"/> is
    /// the object scale (≈ body height). Returns whether the frame is suspected of swapped legs.
    /// </summary>
    public bool Check(ReadOnlySpan<Landmark> landmarks, float bodyScalePixels)
    {
        if (_hasPrevious)
        {
            float kept = 0, swapped = 0;
            for (int j = 0; j < 2; j++)
            {
                Landmark l = landmarks[Left[j]], r = landmarks[Right[j]];
                float plx = _previous[4 * j], ply = _previous[4 * j + 1], prx = _previous[4 * j + 2], pry = _previous[4 * j + 3];
                kept += Distance(l.X, l.Y, plx, ply) + Distance(r.X, r.Y, prx, pry);
                swapped += Distance(l.X, l.Y, prx, pry) + Distance(r.X, r.Y, plx, ply);
            }

            if (kept > MinJumpOfBodyScale * bodyScalePixels && swapped < SwapCostRatio * kept)
            {
                _swapped = !_swapped;
            }
        }

        for (int j = 0; j < 2; j++)
        {
            _previous[4 * j] = landmarks[Left[j]].X;
            _previous[4 * j + 1] = landmarks[Left[j]].Y;
            _previous[4 * j + 2] = landmarks[Right[j]].X;
            _previous[4 * j + 3] = landmarks[Right[j]].Y;
        }

        _hasPrevious = true;
        return _swapped;
    }

    public void Reset()
    {
        _hasPrevious = false;
        _swapped = false;
    }

    private static float Distance(float x0, float y0, float x1, float y1)
    {
        float dx = x1 - x0, dy = y1 - y0;
        return MathF.Sqrt(dx * dx + dy * dy);
    }
}
