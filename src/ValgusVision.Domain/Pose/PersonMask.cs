namespace ValgusVision.Domain.Pose;

/// <summary>
/// Where the person is in a frame, as a pose model's segmentation gives it: a square grid of <see cref="Size"/>²
/// person logits (row-major, logit > 0 = person) laid over the frame by the rotated rectangle <see cref="Roi"/>.
/// Cell (u, v) holds the logit at the rectangle's normalised ((u + <see cref="CellOffset"/>)/Size, (v + CellOffset)/Size),
/// where the crop that fed the model sampled that cell's pixel. The model that fills it chooses the grid size
/// (<see cref="Resize"/>) and the offset, so the refinement that reads it names no model.
/// </summary>
public sealed class PersonMask
{
    public PersonMask()
    {
    }

    public PersonMask(int size) => Resize(size);

    /// <summary>Cells per side of the grid (0 until a model has filled the mask).</summary>
    public int Size { get; private set; }

    public float[] Logits { get; private set; } = [];

    /// <summary>The frame rectangle the grid covers.</summary>
    public RotatedRoi Roi { get; set; }

    /// <summary>
    /// Where in its cell (a fraction of a cell, 0–1) each logit lies: 0.5 when the crop mapped pixel centres onto pixel
    /// centres (cell u sampled at (u + 0.5)/Size), 0 when it mapped the rectangle's corners onto the grid's corners (cell
    /// u sampled at u/Size, as MediaPipe's CPU crop does). Reading the grid with the wrong one shifts the whole mask by
    /// half a cell against the landmarks, which the same crop placed.
    /// </summary>
    public float CellOffset { get; set; } = 0.5f;

    /// <summary>Makes the grid <paramref name="size"/>² cells; allocates only when the size changes.</summary>
    public void Resize(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size != Size)
        {
            Size = size;
            Logits = new float[size * size];
        }
    }

    public PersonMask Clone()
    {
        var copy = new PersonMask(Size) { Roi = Roi, CellOffset = CellOffset };
        Logits.AsSpan().CopyTo(copy.Logits);
        return copy;
    }
}
