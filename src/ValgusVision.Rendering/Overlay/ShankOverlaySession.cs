using ValgusVision.Domain.Ankle;

namespace ValgusVision.Rendering.Overlay;

/// <summary>The lunge overlay's per-frame states from an offline analysis, precomputed so painting only looks up.</summary>
public sealed class ShankOverlaySession
{
    private readonly ShankOverlayState[] _states;

    private ShankOverlaySession(ShankOverlayState[] states) => _states = states;

    public static ShankOverlaySession From(AnkleLungeResult ankle)
    {
        ArgumentNullException.ThrowIfNull(ankle);
        string? message = ankle.Left is null && ankle.Right is null && !ankle.Problems.IsDefaultOrEmpty ? Short(ankle.Problems[0]) : null;
        var states = new ShankOverlayState[ankle.Frames.Length];
        for (int i = 0; i < states.Length; i++)
        {
            var f = ankle.Frames[i];
            int attempt = f.AttemptIndex is { } a ? ankle.AllAttempts[a].Number : 0;
            double tilt = f.FrontSide is { } side && ankle.For(side) is { } result ? result.Floor.CorrectionDeg : 0;
            states[i] = new ShankOverlayState(f.FrontSide, f.InclinationDeg, tilt, f.HeelLifted, attempt, ankle.Settings.RestrictedBelowDeg, message);
        }

        return new ShankOverlaySession(states);
    }

    public ShankOverlayState StateAt(int position) => _states[position];

    /// <summary>The banner holds one short line: the problem's first clause ("Lunge test: the body faced the camera").</summary>
    private static string Short(string problem)
    {
        int cut = problem.IndexOfAny(['(', ':', '—'], problem.IndexOf(':', StringComparison.Ordinal) + 1);
        string text = cut > 0 ? problem[..cut] : problem;
        return text.Replace("Lunge test: ", string.Empty, StringComparison.Ordinal).Trim().TrimEnd('.', ',');
    }
}
