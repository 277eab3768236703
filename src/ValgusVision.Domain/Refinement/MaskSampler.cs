using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Reads a <see cref="SegmentationMask"/> at frame pixels: frame → ROI-normalised (the inverse of the landmark
/// projection, BLAZEPOSE.md §5) → cell coordinates, then bilinear between the four nearest cell centres (cell i's
/// centre is at (i + 0.5) / Size). A value type over the mask's own array: reading allocates nothing.
/// </summary>
public readonly struct MaskSampler
{
    private const int Size = SegmentationMask.Size;

    private readonly float[] _logits;
    private readonly float _cos, _sin, _centerX, _centerY, _cellsPerPixelX, _cellsPerPixelY;

    public MaskSampler(SegmentationMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        _logits = mask.Logits;
        var roi = mask.Roi;
        _cos = MathF.Cos(roi.RotationRadians);
        _sin = MathF.Sin(roi.RotationRadians);
        _centerX = roi.CenterX;
        _centerY = roi.CenterY;
        _cellsPerPixelX = roi.Width > 0 ? Size / roi.Width : 0;
        _cellsPerPixelY = roi.Height > 0 ? Size / roi.Height : 0;
        PixelsPerCell = roi.Width > 0 ? roi.Width / Size : 0;
    }

    /// <summary>Frame pixels per mask cell (the ROI is square): the scale of the mask's detail.</summary>
    public float PixelsPerCell { get; }

    /// <summary>True when the mask has an ROI to map through.</summary>
    public bool IsUsable => _logits is not null && PixelsPerCell > 0;

    /// <summary>The logit at frame pixel (x, y); false outside the mask's area (the mask says nothing there).</summary>
    public bool TrySample(float x, float y, out float logit)
    {
        float dx = x - _centerX, dy = y - _centerY;

        // Rotate into the ROI's axes, then to cell coordinates whose integer values are cell centres.
        float u = (((_cos * dx) + (_sin * dy)) * _cellsPerPixelX) + (Size / 2f) - 0.5f;
        float v = (((-_sin * dx) + (_cos * dy)) * _cellsPerPixelY) + (Size / 2f) - 0.5f;
        if (!(u >= -0.5f && u <= Size - 0.5f && v >= -0.5f && v <= Size - 0.5f))
        {
            logit = 0;
            return false;
        }

        // Half a cell at the border: the border cell's own value.
        u = Math.Clamp(u, 0, Size - 1);
        v = Math.Clamp(v, 0, Size - 1);
        int u0 = Math.Min((int)u, Size - 2), v0 = Math.Min((int)v, Size - 2);
        float fu = u - u0, fv = v - v0;
        int i = (v0 * Size) + u0;
        float top = _logits[i] + ((_logits[i + 1] - _logits[i]) * fu);
        float bottom = _logits[i + Size] + ((_logits[i + Size + 1] - _logits[i + Size]) * fu);
        logit = top + ((bottom - top) * fv);
        return true;
    }
}
