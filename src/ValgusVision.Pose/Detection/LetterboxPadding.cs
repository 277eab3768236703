namespace ValgusVision.Pose.Detection;

/// <summary>
/// Normalised padding [left, top, right, bottom] that ImageToTensor's keep_aspect_ratio adds around a W×H image to
/// make it square (docs/pose-pipeline.md#detector-input): symmetric, on the short side only.
/// </summary>
public readonly record struct LetterboxPadding(float Left, float Top, float Right, float Bottom)
{
    public static LetterboxPadding ForImage(int width, int height)
    {
        if (width >= height)
        {
            float pad = (1f - (float)height / width) / 2f;
            return new LetterboxPadding(0f, pad, 0f, pad);
        }
        else
        {
            float pad = (1f - (float)width / height) / 2f;
            return new LetterboxPadding(pad, 0f, pad, 0f);
        }
    }
}
