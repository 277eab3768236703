using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// Learns, for one leg, the angle between its shin edge and its silhouette centreline from the frames where both
/// were read, and then gives the shank's axis on every frame: the centreline where it was read, else the shin edge
/// turned by that angle. Needed because at the deepest point of a lunge the far leg crosses behind the tested shank
/// and hides its back edge (on our samples at every peak frame), while the shin stays clear; a shank is rigid, so the
/// shin–axis angle is the same on every frame of one leg (it is the shank's taper, about 2–5° — not known in advance,
/// which is why it is measured). Keeps the most recent <c>capacity</c> pairs; allocation-free after construction.
/// </summary>
public sealed class ShinToAxis
{
    /// <summary>Pairs needed before the shin alone is trusted: a third of a second of video at 30 fps.</summary>
    public const int MinPairs = 10;

    private readonly double[] _pairs;
    private readonly double[] _scratch;
    private int _count, _next;
    private double? _offset;
    private bool _stale;

    public ShinToAxis(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, MinPairs);
        _pairs = new double[capacity];
        _scratch = new double[capacity];
    }

    /// <summary>Centreline minus shin, degrees: the median of the pairs seen; null until <see cref="MinPairs"/> were.</summary>
    public double? OffsetDeg
    {
        get
        {
            if (_stale)
            {
                _offset = _count >= MinPairs ? Median() : null;
                _stale = false;
            }

            return _offset;
        }
    }

    /// <summary>Learns from a frame where both lines were read (others are ignored).</summary>
    public void Add(ShankAxis axis)
    {
        if (axis.CentreDeg is not { } centre || axis.ShinDeg is not { } shin)
        {
            return;
        }

        _pairs[_next] = centre - shin;
        _next = (_next + 1) % _pairs.Length;
        _count = Math.Min(_count + 1, _pairs.Length);
        _stale = true;
    }

    /// <summary>The shank's axis (<see cref="ShankAxis"/> degrees): the centreline, else the shin turned by the learnt offset, else null.</summary>
    public double? AxisDeg(ShankAxis axis) =>
        axis.CentreDeg ?? (axis.ShinDeg is { } shin && OffsetDeg is { } offset ? shin + offset : null);

    private double Median()
    {
        var values = _scratch.AsSpan(0, _count);
        _pairs.AsSpan(0, _count).CopyTo(values);
        values.Sort();
        return _count % 2 == 1 ? values[_count / 2] : (values[(_count / 2) - 1] + values[_count / 2]) / 2;
    }
}
