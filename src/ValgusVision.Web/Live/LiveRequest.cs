using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Session;

namespace ValgusVision.Web.Live;

/// <summary>What the page asks for when it opens a live session (query string of the socket's address).</summary>
/// <param name="ExerciseName">As the upload form names it (auto, squat, …); stored on the session.</param>
/// <param name="Stance">The leg the clinician chose; null to detect it, as the CLI does.</param>
/// <param name="Screen">Marked as a screen on the progress chart.</param>
/// <param name="Mode">Free, the guided protocol (<see cref="LiveGuide"/>) or the position-sense drill (<see cref="LiveDrill"/>).</param>
internal sealed record LiveRequest(string ExerciseName, Exercise Exercise, Side? Stance, bool Screen, LiveMode Mode = LiveMode.Free)
{
    /// <summary>Null with a line for the page when a value is not one the page offers.</summary>
    public static LiveRequest? Parse(string? exercise, string? stance, string? screen, string? mode, out string? problem)
    {
        LiveMode? chosen = mode switch
        {
            null or "" or "free" => LiveMode.Free,
            "guided" => LiveMode.Guided,
            "drill" => LiveMode.Drill,
            _ => null,
        };
        if (chosen is not { } liveMode)
        {
            problem = "the mode is free, guided or drill";
            return null;
        }

        exercise = string.IsNullOrEmpty(exercise) ? "auto" : exercise;
        problem = null;
        if (ExerciseNames.Parse(exercise) is not { } choice)
        {
            problem = "choose one of the listed exercises";
            return null;
        }

        Side? side = null;
        if (!string.IsNullOrEmpty(stance) && stance != "auto")
        {
            side = SideExtensions.Parse(stance);
            if (side is null)
            {
                problem = "the stance leg is left, right or auto";
                return null;
            }
        }

        return new LiveRequest(exercise, choice, side, screen == "1", liveMode);
    }
}
