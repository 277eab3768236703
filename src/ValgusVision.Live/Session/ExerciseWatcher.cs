using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Session;

/// <summary>
/// <c>--exercise auto</c> live: a second of a side view with the feet split is the lunge test's set-up (squats are
/// filmed from the front, a hinge from the side with the feet together), so the session switches to the lunge
/// reading before the first lunge — offline, auto also needs the lunges themselves (<see cref="LungeCue.Fits"/>),
/// which is what the session's report is analysed with. Looks every half second; allocates only then.
/// </summary>
internal sealed class ExerciseWatcher(AnalysisSettings settings)
{
    /// <summary>Poses the auto choice looks at: 1 s at 30 fps, so it decides while the person still stands.</summary>
    private const int AutoLungeFrames = 30;

    /// <summary>The auto choice is made within the session's first seconds: later, a turn to the side is not a new test.</summary>
    private const double AutoLungeDecideSeconds = 10;

    private readonly List<PoseFrame> _window = new(AutoLungeFrames);

    /// <summary>False once decided (the lunge test was seen, or the first seconds are over).</summary>
    public bool Watching { get; private set; } = true;

    /// <summary>
    /// Adds the <paramref name="processed"/>-th pose; the cue when it shows the lunge test's set-up (then it stops
    /// watching), null otherwise.
    /// </summary>
    public LungeCue? Watch(PoseFrame pose, int processed)
    {
        if (!Watching)
        {
            return null;
        }

        if (pose.TimeSeconds > AutoLungeDecideSeconds)
        {
            Watching = false;
            return null;
        }

        if (_window.Count == AutoLungeFrames)
        {
            _window.RemoveAt(0);
        }

        _window.Add(pose);
        if (_window.Count < AutoLungeFrames || processed % 15 != 0)
        {
            return null;
        }

        var cue = LungeCue.Measure(_window, settings.Lunge);
        if (cue.SideViewDeg >= settings.Ankle.MinSideViewDeg && cue.SplitStanceFraction >= LungeCue.MinSplitStanceFraction)
        {
            Watching = false;
            return cue;
        }

        return null;
    }
}
