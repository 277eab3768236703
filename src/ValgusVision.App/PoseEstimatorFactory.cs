using ValgusVision.Domain.Pose;

namespace ValgusVision.App;

/// <summary>
/// Makes the pose estimator a job needs: for stills or videos, with the levers resolved for the input
/// (<see cref="PoseLevers.Resolved"/>). A job asks once per kind and reuses it; tests pass a shared engine.
/// </summary>
public delegate IPoseEstimator PoseEstimatorFactory(bool stillImage, PoseLevers levers);
