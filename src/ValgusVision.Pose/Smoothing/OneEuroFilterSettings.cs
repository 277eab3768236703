namespace ValgusVision.Pose.Smoothing;

/// <summary>One-Euro parameters; the presets are pose_landmark_filtering.pbtxt's (docs/pose-pipeline.md#smoothing).</summary>
public readonly record struct OneEuroFilterSettings(double MinCutoff, double Beta, double DerivateCutoff, bool DisableValueScaling)
{
    /// <summary>The configured frequency; only a starting value, replaced from the timestamps on the 2nd sample.</summary>
    public const double InitialFrequency = 30.0;

    public static OneEuroFilterSettings BodyLandmarks { get; } = new(0.05, 80.0, 1.0, false);

    public static OneEuroFilterSettings AuxiliaryLandmarks { get; } = new(0.01, 10.0, 1.0, false);

    public static OneEuroFilterSettings WorldLandmarks { get; } = new(0.1, 40.0, 1.0, true);
}
