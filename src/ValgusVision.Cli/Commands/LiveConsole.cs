using System.Globalization;
using System.Text;
using ValgusVision.Live.Session;

namespace ValgusVision.Cli.Commands;

/// <summary>The lines <c>valgus live</c> prints when a session ends.</summary>
public static class LiveConsole
{
    public static string Describe(LiveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        string why = result.EndReason switch
        {
            LiveEndReason.Quit => "quit",
            LiveEndReason.WindowClosed => "window closed",
            LiveEndReason.Interrupted => "interrupted",
            LiveEndReason.EndOfInput => "end of the video",
            LiveEndReason.TimeLimit => "time limit reached",
            LiveEndReason.CameraLost => "camera lost",
            LiveEndReason.RecordingFailed => "recording failed",
            LiveEndReason.Failed => "failed",
            _ => result.EndReason.ToString(),
        };
        text.Append(CultureInfo.InvariantCulture, $"live session ended ({why}): {result.FramesProcessed} frames processed of {result.FramesCaptured} captured, {result.FramesDropped} dropped");
        text.Append('\n').Append(result.Latency.Describe());
        if (result.Analysis?.Ankle is { } ankle)
        {
            // The lunge test: the recording's offline result, one line per leg.
            foreach (var side in new[] { ankle.Left, ankle.Right })
            {
                text.Append('\n').Append(side?.Sentence ?? string.Empty);
            }

            foreach (var problem in ankle.Problems)
            {
                text.Append('\n').Append(problem);
            }
        }
        else if (result.Analysis is { } analysis)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{analysis.Reps.Length} reps, {analysis.Events.Length} valgus events ({CliValues.Name(analysis.Exercise)})");
        }

        foreach (var set in result.Sets)
        {
            text.Append('\n').Append(set.Describe());
        }

        if (result.Drill is { } drill)
        {
            text.Append('\n').Append(drill.Left.Describe()).Append('\n').Append(drill.Right.Describe());
        }

        if (result.Written.Count > 0)
        {
            text.Append('\n').Append("wrote ").AppendJoin(", ", result.Written);
        }

        return text.ToString();
    }
}
