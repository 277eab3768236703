using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Reads a <see cref="PersonMask"/> at frame pixels: frame → normalised in the mask's rectangle (the inverse of the
/// landmark projection, docs/pose-pipeline.md#landmark-model) → cell coordinates, then bilinear between the four nearest cell centres (cell i's
/// centre is at (i + 0.5) / Size). A value type over the mask's own array: reading allocates nothing.
/// </summary>
public readonly struct MaskSampler
{
    private readonly float[] _logits;
    private readonly int _size;
    private readonly float _cos, _sin, _centerX, _centerY, _cellsPerPixelX, _cellsPerPixelY;

    public MaskSampler(PersonMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        _logits = mask.Logits;
        _size = mask.Size;
        int size = _size;
        var roi = mask.Roi;
        _cos = MathF.Cos(roi.RotationRadians);
        _sin = MathF.Sin(roi.RotationRadians);
        _centerX = roi.CenterX;
        _centerY = roi.CenterY;
        _cellsPerPixelX = roi.Width > 0 ? size / roi.Width : 0;
        _cellsPerPixelY = roi.Height > 0 ? size / roi.Height : 0;

        // A grid of fewer than 2×2 cells has nothing to interpolate between: unusable, like a mask without a rectangle.
        PixelsPerCell = roi.Width > 0 && size >= 2 ? roi.Width / size : 0;
    }

    /// <summary>Frame pixels per mask cell (the ROI is square): the scale of the mask's detail.</summary>
    public float PixelsPerCell { get; }

    /// <summary>True when the mask has an ROI to map through.</summary>
    public bool IsUsable => _logits is not null && PixelsPerCell > 0;

    /// <summary>The logit at frame pixel (x, y); false outside the mask's area (the mask says nothing there).</summary>
    public bool TrySample(float x, float y, out float logit)
    {
        int size = _size;
        float dx = x - _centerX, dy = y - _centerY;

        // Rotate into the ROI's axes, then to cell coordinates whose integer values are cell centres.
        float u = (((_cos * dx) + (_sin * dy)) * _cellsPerPixelX) + (size / 2f) - 0.5f;
        float v = (((-_sin * dx) + (_cos * dy)) * _cellsPerPixelY) + (size / 2f) - 0.5f;
        if (!(u >= -0.5f && u <= size - 0.5f && v >= -0.5f && v <= size - 0.5f))
        {
            logit = 0;
            return false;
        }

        // Half a cell at the border: the border cell's own value.
        u = Math.Clamp(u, 0, size - 1);
        v = Math.Clamp(v, 0, size - 1);
        int u0 = Math.Min((int)u, size - 2), v0 = Math.Min((int)v, size - 2);
        float fu = u - u0, fv = v - v0;
        int i = (v0 * size) + u0;
        float top = _logits[i] + ((_logits[i + 1] - _logits[i]) * fu);
        float bottom = _logits[i + size] + ((_logits[i + size + 1] - _logits[i + size]) * fu);
        logit = top + ((bottom - top) * fv);
        return true;
    }
}
