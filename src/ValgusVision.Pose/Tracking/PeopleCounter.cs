using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;

namespace ValgusVision.Pose.Tracking;

/// <summary>
/// Counts the people in a frame (issue 19 item 4). The detector on the whole-frame letterbox sees a 1280×720 frame
/// at 224 px, where a player 300 px tall has a face of a few pixels: on the real 3-player soccer clip it found one
/// person. So the count runs the detector on square tiles of the frame's short side, overlapping by half along its
/// long side (three on 16:9, two on 4:3, none up to 5:4: the whole frame there), and merges the candidates that are
/// one person.
/// </summary>
public sealed class PeopleCounter
{
    /// <summary>Two candidates are one person when their hip centres are closer than this share of the larger body size.</summary>
    public const float SamePersonBodySizes = 0.5f;

    private const int MaxPeople = 64;
    private readonly float[] _hipX = new float[MaxPeople];
    private readonly float[] _hipY = new float[MaxPeople];
    private readonly float[] _size = new float[MaxPeople];
    private int _count;

    /// <summary>People found since <see cref="Begin"/>.</summary>
    public int Count => _count;

    public void Begin() => _count = 0;

    /// <summary>Adds candidates (normalised image coordinates), skipping any that is a person already counted.</summary>
    public void Add(ReadOnlySpan<PoseDetection> candidates, int imageWidth, int imageHeight)
    {
        foreach (PoseDetection d in candidates)
        {
            float x = d.HipCenterX * imageWidth, y = d.HipCenterY * imageHeight;
            float size = PixelDistance.BodySize(d, imageWidth, imageHeight);
            if (IsCounted(x, y, size) || _count == MaxPeople)
            {
                continue;
            }

            _hipX[_count] = x;
            _hipY[_count] = y;
            _size[_count] = size;
            _count++;
        }
    }

    /// <summary>The tiles: squares of the short side, centres evenly spaced so neighbours overlap by half; none up to 5:4.</summary>
    public static int Tiles(int width, int height, Span<RotatedRoi> tiles)
    {
        int shortSide = Math.Min(width, height), longSide = Math.Max(width, height);
        if (longSide < 1.25f * shortSide)
        {
            // Up to 5:4 the letterbox wastes at most a fifth of the detector's input: tiles would see little more.
            return 0;
        }

        int n = (int)MathF.Ceiling(2f * longSide / shortSide - 1e-3f) - 1;
        if (n < 2)
        {
            return 0;
        }

        n = Math.Min(n, tiles.Length);
        for (int k = 0; k < n; k++)
        {
            float along = shortSide / 2f + k * (longSide - shortSide) / (float)(n - 1);
            tiles[k] = width >= height
                ? new RotatedRoi(along, height / 2f, shortSide, shortSide, 0f)
                : new RotatedRoi(width / 2f, along, shortSide, shortSide, 0f);
        }

        return n;
    }

    private bool IsCounted(float x, float y, float size)
    {
        for (int i = 0; i < _count; i++)
        {
            if (PixelDistance.Between(x, y, _hipX[i], _hipY[i]) < SamePersonBodySizes * MathF.Max(size, _size[i]))
            {
                return true;
            }
        }

        return false;
    }
}
