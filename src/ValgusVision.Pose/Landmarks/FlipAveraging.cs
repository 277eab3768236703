using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// Flip averaging (test-time augmentation, an accuracy lever of issue 12, docs/accuracy.md): the landmark model runs on
/// the ROI and on its mirror image; the mirror's landmarks are mirrored back (x → 1 − x in the ROI, world x → −x) with
/// left and right swapped, and the two are averaged. A model that leans one way (a caved-in knee pulled towards
/// neutral, say) leans the other way in the mirror, so that part of its bias cancels. Works in place on reused buffers.
/// </summary>
public static class FlipAveraging
{
    /// <summary>
    /// Mirrors ROI-normalised landmarks left–right (x → <paramref name="mirrorSum"/> − x) and swaps the left/right body
    /// landmarks (all 39 model points). <see cref="MirrorSum"/> gives the sum for a crop convention.
    /// </summary>
    public static void MirrorBack(Span<Landmark> roiLandmarks, float mirrorSum = 1f)
    {
        for (int i = 0; i < roiLandmarks.Length; i++)
        {
            roiLandmarks[i] = roiLandmarks[i] with { X = mirrorSum - roiLandmarks[i].X };
        }

        SwapSides(roiLandmarks);
    }

    /// <summary>Mirrors the world tensor (39 × x, y, z metres) left–right and swaps left/right body points.</summary>
    public static void MirrorBackWorld(Span<float> worldRaw)
    {
        for (int i = 0; i + 2 < worldRaw.Length; i += 3)
        {
            worldRaw[i] = -worldRaw[i];
        }

        int count = Math.Min(worldRaw.Length / 3, BodyLandmarks.Count);
        for (int i = 1; i < count; i++)
        {
            int other = Partner(i);
            if (other > i)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    (worldRaw[(3 * i) + axis], worldRaw[(3 * other) + axis]) = (worldRaw[(3 * other) + axis], worldRaw[(3 * i) + axis]);
                }
            }
        }
    }

    /// <summary>
    /// x + x' for a point at x in the plain crop and x' in the mirrored one. Pixel centres: mirrored column j is plain
    /// column size − 1 − j, so x' = 1 − x. Corner-aligned: mirrored column j is plain column size − j
    /// (<see cref="Runtime.RoiCropper"/>), and the model places a pixel's content at its centre (j + 0.5), so
    /// x' = 1 + 1/size − x. With 1 − x there, the averaged points sat half a tensor pixel (about 1 frame pixel) off the
    /// plain run's mask, the refinement moved knees and ankles by that much against the hips, and a clip and its mirror
    /// video differed by 1.3° FPPA (issue 18 item 4, docs/accuracy.md).
    /// </summary>
    public static float MirrorSum(CropSampling sampling, int tensorSize) =>
        sampling == CropSampling.PixelCentres ? 1f : 1f + (1f / tensorSize);

    /// <summary><paramref name="into"/> ← the mean of it and <paramref name="mirrored"/> (x, y, z, visibility, presence).</summary>
    public static void Average(Span<Landmark> into, ReadOnlySpan<Landmark> mirrored)
    {
        for (int i = 0; i < into.Length; i++)
        {
            Landmark a = into[i], b = mirrored[i];
            into[i] = new Landmark(
                (a.X + b.X) * 0.5f, (a.Y + b.Y) * 0.5f, (a.Z + b.Z) * 0.5f, (a.Visibility + b.Visibility) * 0.5f, (a.Presence + b.Presence) * 0.5f);
        }
    }

    public static void Average(Span<float> into, ReadOnlySpan<float> mirrored)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = (into[i] + mirrored[i]) * 0.5f;
        }
    }

    /// <summary>
    /// <paramref name="into"/> (the plain run's square mask of logits, <paramref name="size"/>² row-major) ← the mean of
    /// it and the mirrored run's mask mapped back with the crop's column partner: plain column k is mirrored column
    /// size − 1 − k under pixel centres and size − k corner-aligned (<see cref="MirrorSum"/>, <see cref="Runtime.RoiCropper"/>).
    /// Corner-aligned column 0 has no partner inside the mirrored crop and keeps the plain value. Without this the
    /// averaged landmarks met the plain run's mask only, whose own lean the refinement then put back (issue 18 item 4).
    /// </summary>
    public static void AverageMask(Span<float> into, ReadOnlySpan<float> mirrored, int size, CropSampling sampling)
    {
        if (size < 1 || into.Length < size * size || mirrored.Length < size * size)
        {
            throw new ArgumentException($"masks of {into.Length} and {mirrored.Length} logits are not {size}×{size}");
        }

        int partnerSum = sampling == CropSampling.PixelCentres ? size - 1 : size;
        int first = partnerSum - (size - 1);
        for (int row = 0; row < size; row++)
        {
            Span<float> plainRow = into.Slice(row * size, size);
            ReadOnlySpan<float> mirroredRow = mirrored.Slice(row * size, size);
            for (int k = first; k < size; k++)
            {
                plainRow[k] = (plainRow[k] + mirroredRow[partnerSum - k]) * 0.5f;
            }
        }
    }

    /// <summary>
    /// The landmark on the other side of the body: eyes 1–3 ↔ 4–6, then ears, mouth corners and every limb point in
    /// (left, right) pairs from 7 to 32 (BodyLandmark's order); the nose and the model's extra points (33–38) have none.
    /// </summary>
    public static int Partner(int index) => index switch
    {
        >= 1 and <= 3 => index + 3,
        >= 4 and <= 6 => index - 3,
        >= 7 and < BodyLandmarks.Count => index % 2 == 1 ? index + 1 : index - 1,
        _ => index,
    };

    private static void SwapSides(Span<Landmark> landmarks)
    {
        int count = Math.Min(landmarks.Length, BodyLandmarks.Count);
        for (int i = 1; i < count; i++)
        {
            int other = Partner(i);
            if (other > i)
            {
                (landmarks[i], landmarks[other]) = (landmarks[other], landmarks[i]);
            }
        }
    }
}
