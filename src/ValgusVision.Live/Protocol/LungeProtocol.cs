using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Protocol;

/// <summary>
/// The guided weight-bearing lunge test: 3 attempts with one leg in front, then 3 with the other, each prompted,
/// then the result (best per leg and the difference). Pure: it only reads the <see cref="LiveLungeTracker"/>.
/// </summary>
public sealed class LungeProtocol
{
    public const int AttemptsPerSide = 3;

    private readonly LiveLungeTracker _tracker;
    private readonly Side _first;

    public LungeProtocol(LiveLungeTracker tracker, Side first)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        _tracker = tracker;
        _first = first;
    }

    /// <summary>The leg that should be in front now; null once both legs are done.</summary>
    public Side? CurrentSide =>
        _tracker.AttemptCount(_first) < AttemptsPerSide ? _first
        : _tracker.AttemptCount(_first.Opposite()) < AttemptsPerSide ? _first.Opposite()
        : null;

    public bool Done => CurrentSide is null;

    /// <summary>What the person should do now, given the latest frame.</summary>
    public string Prompt(in LiveLungeFrame frame)
    {
        if (CurrentSide is not { } side)
        {
            return Result();
        }

        string leg = side.ToName();
        if (frame.FrontSide is { } front && front != side)
        {
            return F($"Turn round: {leg} leg in front, side-on to the camera, heel down");
        }

        if (!frame.Ready)
        {
            return F($"{side.ToTitle()} leg in front, heel down: stand still for a second");
        }

        int next = Math.Min(_tracker.AttemptCount(side) + 1, AttemptsPerSide);
        return F($"{side.ToTitle()} leg, attempt {next} of {AttemptsPerSide}: knee towards the wall, heel down, then back");
    }

    /// <summary>The result line: best per leg and the difference.</summary>
    public string Result()
    {
        double? left = _tracker.Best(Side.Left), right = _tracker.Best(Side.Right);
        string diff = left is { } l && right is { } r ? F($", difference {Math.Abs(l - r):0.0}°") : string.Empty;
        return F($"Done: left best {Deg(left)}, right best {Deg(right)}{diff}");
    }

    private static string Deg(double? value) => value is { } v ? F($"{v:0.0}°") : "— (no attempt with the heel down)";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
