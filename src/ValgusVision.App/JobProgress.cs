namespace ValgusVision.App;

/// <summary>Where one input's analysis is: its phase and frames done (of <see cref="Total"/> when known).</summary>
public readonly record struct JobProgress(string Input, JobPhase Phase, int Done, int? Total);

public enum JobPhase
{
    Opening,
    Pose,
    Analysis,
    Reports,
    Overlay,
    Finished,
}
