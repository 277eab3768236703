using System.Collections.Immutable;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The weight-bearing lunge test of one recording: per side the attempts and the best one, the left–right difference
/// when both legs were tested, the frames for the chart, and every problem that kept a number from being reported
/// (one line each).
/// </summary>
/// <param name="Left">The left leg's result; null when the left leg was never the front leg of an attempt.</param>
/// <param name="Right">The right leg's result.</param>
/// <param name="DifferenceDeg">Left best minus right best; null unless both were measured.</param>
/// <param name="Asymmetric">The difference is at least <see cref="AnkleLungeSettings.AsymmetryDeg"/>.</param>
/// <param name="SideViewDeg">Median of how far the body was turned from a frontal view (90° = side-on); null without world landmarks.</param>
/// <param name="Problems">Why numbers are missing or doubtful, one plain line each.</param>
public sealed record AnkleLungeResult(
    AnkleLungeSettings Settings,
    AnkleSideResult? Left,
    AnkleSideResult? Right,
    double? DifferenceDeg,
    bool Asymmetric,
    string? DifferenceSentence,
    double? SideViewDeg,
    ImmutableArray<AnkleFrame> Frames,
    ImmutableArray<LungeAttempt> AllAttempts,
    ImmutableArray<string> Problems)
{
    public AnkleSideResult? For(Side side) => side == Side.Left ? Left : Right;
}
