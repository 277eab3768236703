using System.Globalization;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// Formatted numbers at one decimal, made once and reused, so drawing a value on every frame allocates no string.
/// Values outside ±<see cref="MaxAbsValue"/> are formatted on demand (rare: they are implausible anyway).
/// </summary>
internal sealed class NumberLabelCache
{
    public const double MaxAbsValue = 200.0;
    private const int Offset = 2000;

    private readonly string?[] _labels = new string?[(2 * Offset) + 1];
    private readonly string _suffix;
    private readonly bool _explicitPlus;

    public NumberLabelCache(string suffix, bool explicitPlus)
    {
        _suffix = suffix;
        _explicitPlus = explicitPlus;
    }

    public string Get(double value)
    {
        var tenths = (int)Math.Round(value * 10.0, MidpointRounding.AwayFromZero);
        if (Math.Abs(value) > MaxAbsValue)
        {
            return Format(tenths);
        }

        return _labels[tenths + Offset] ??= Format(tenths);
    }

    private string Format(int tenths)
    {
        var text = (tenths / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
        return (_explicitPlus && tenths > 0 ? "+" : string.Empty) + text + _suffix;
    }
}
