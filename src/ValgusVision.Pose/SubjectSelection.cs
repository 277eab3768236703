namespace ValgusVision.Pose;

/// <summary>How the detector's candidates are turned into the one person the engine follows.</summary>
public enum SubjectSelection
{
    /// <summary>
    /// Our default, a deliberate difference from MediaPipe: the first lock goes to the largest, most central person;
    /// every later re-detection picks the candidate closest to the last known subject, so the engine does not jump
    /// to a bystander when tracking is lost for a frame.
    /// </summary>
    LockOnSubject = 0,

    /// <summary>MediaPipe's rule: always the highest-scoring detection after NMS (for parity with MediaPipe).</summary>
    HighestScore = 1,
}
