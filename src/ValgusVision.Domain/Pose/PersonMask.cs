namespace ValgusVision.Domain.Pose;

/// <summary>
/// Where the person is in a frame, as a pose model's segmentation gives it: a square grid of <see cref="Size"/>²
/// person logits (row-major, logit > 0 = person) laid over the frame by the rotated rectangle <see cref="Roi"/>.
/// Cell (u, v) covers the rectangle's normalised [u/Size, (u+1)/Size). The model that fills it chooses the grid size
/// (<see cref="Resize"/>), so the refinement that reads it names no model.
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
        var copy = new PersonMask(Size) { Roi = Roi };
        Logits.AsSpan().CopyTo(copy.Logits);
        return copy;
    }
}
