namespace ValgusVision.Domain.Pose;

/// <summary>
/// The landmark model's person-segmentation logits in ROI space (<see cref="Size"/>² cells, row-major, logit > 0 =
/// person), with the ROI that maps them to the frame. Cell (u, v) covers ROI-normalised [u/Size, (u+1)/Size).
/// </summary>
public sealed class SegmentationMask
{
    public const int Size = 256;

    public float[] Logits { get; } = new float[Size * Size];

    public RotatedRoi Roi { get; set; }

    public SegmentationMask Clone()
    {
        var copy = new SegmentationMask { Roi = Roi };
        Logits.AsSpan().CopyTo(copy.Logits);
        return copy;
    }
}
