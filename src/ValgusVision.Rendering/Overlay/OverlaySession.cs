using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// The overlay's view of a finished analysis: the timeline for the strip and one ready-made state per frame, so the
/// per-frame call is an array lookup. Build it once after the analysis pass, then paint frame after frame:
/// <code>
/// var session = OverlaySession.From(analysis);
/// using var painter = new OverlayPainter(width, height, session.Timeline);
/// painter.Paint(pixels, stride, PixelFormat.Bgr24, pose, session.StateAt(position));
/// </code>
/// </summary>
public sealed class OverlaySession
{
    private readonly OverlayFrameState[] _states;

    private OverlaySession(SessionTimeline timeline, OverlayFrameState[] states)
    {
        Timeline = timeline;
        _states = states;
    }

    public SessionTimeline Timeline { get; }

    public int FrameCount => _states.Length;

    /// <summary>
    /// The state of the frame at <paramref name="position"/> in the analysis' frame list (its position, not its
    /// video frame index: the two differ when the analysed range does not start at the first frame).
    /// </summary>
    public ref readonly OverlayFrameState StateAt(int position)
    {
        if ((uint)position >= (uint)_states.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"overlay: the analysis has {_states.Length} frames");
        }

        return ref _states[position];
    }

    /// <param name="setupEvaluated">The pose model and levers are the evaluated defaults (else no frame is trusted).</param>
    public static OverlaySession From(SessionAnalysis analysis, bool setupEvaluated = true)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var frames = analysis.Frames;
        var times = ImmutableArray.CreateBuilder<double>(frames.Length);
        var fppa = ImmutableArray.CreateBuilder<double>(frames.Length);
        var shift = ImmutableArray.CreateBuilder<double>(frames.Length);
        var states = new OverlayFrameState[frames.Length];
        var repsDone = 0;

        // A frame is trusted only when the report's headline is too: its colours must not contradict a grey report.
        bool sessionTrusted = MeasurementTrust.Of(analysis, setupEvaluated).IsTrusted;
        for (var i = 0; i < frames.Length; i++)
        {
            var m = frames[i];
            // Reps name video frame indices; positions in the list differ from them when the analysis starts late (--start).
            while (repsDone < analysis.Reps.Length && analysis.Reps[repsDone].EndFrame < m.FrameIndex)
            {
                repsDone++;
            }

            times.Add(m.TimeSeconds);
            fppa.Add(m.StanceFppaDeg ?? double.NaN);
            shift.Add(m.HipShiftPct ?? double.NaN);
            states[i] = new OverlayFrameState(
                m.TimeSeconds,
                m.Stance switch { Side.Left => StanceLeg.Left, Side.Right => StanceLeg.Right, _ => null },
                m.StanceFppaDeg,
                m.HipShiftPct,
                m.PelvicDropDeg,
                m.RepIndex is { } r ? r + 1 : 0,
                repsDone,
                m.InEvent,
                sessionTrusted && MeasurementTrust.OfFrame(m, analysis.Reference, setupEvaluated).IsTrusted);
        }

        var reps = ImmutableArray.CreateBuilder<RepMarker>(analysis.Reps.Length);
        foreach (var rep in analysis.Reps)
        {
            reps.Add(new RepMarker(rep.Index + 1, rep.StartTimeSeconds, rep.BottomTimeSeconds, rep.EndTimeSeconds));
        }

        var events = ImmutableArray.CreateBuilder<TimeInterval>(analysis.Events.Length);
        foreach (var e in analysis.Events)
        {
            events.Add(new TimeInterval(e.StartTimeSeconds, e.EndTimeSeconds));
        }

        var timeline = new SessionTimeline(times.MoveToImmutable(), fppa.MoveToImmutable(), shift.MoveToImmutable(),
            reps.MoveToImmutable(), events.MoveToImmutable(), analysis.Settings.ValgusThresholdDeg)
        {
            Trusted = sessionTrusted,
        };
        return new OverlaySession(timeline, states);
    }
}
