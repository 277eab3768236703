using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Session;

/// <summary>The loop's console feed (headless): one status line every half second; fps and latency only with --debug.</summary>
internal sealed partial class LiveLoop
{
    private void WriteConsoleLine(FrameMetrics m, in HudState state)
    {
        string fppa = state.FeedbackHidden ? "hidden" : Format(state.Stance is { } s ? m.FppaDeg(s) : null, "+0.0;-0.0;0.0", "°");
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.TimeSeconds,7:0.00} s  stance {state.Stance?.ToName() ?? "?",-5}  FPPA {fppa,7}  hip shift {Format(m.HipShiftPct, "+0.0;-0.0;0.0", " %"),8}  depth {Format(m.DepthPct, "0", " %"),5}  reps {state.Reps}{DebugFigures(Options.Debug ? Latency : null)}"));
    }

    /// <summary>"  14.8 fps  latency 65 ms" for --debug; empty on the client's lines.</summary>
    internal static string DebugFigures(LatencyStats? latency) => latency is null ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"  {latency.RecentFps:0.0} fps  latency {latency.LastLatencyMs:0} ms");

    private static string Format(double? value, string format, string unit) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";
}
