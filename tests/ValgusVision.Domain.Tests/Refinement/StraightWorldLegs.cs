using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Refinement;

/// <summary>World landmarks for the hip tests: legs straight down, 0.4 m thigh and 0.4 m shank, the hips ± (x, 0, z) about the middle.</summary>
internal static class StraightWorldLegs
{
    public static WorldLandmark[] Make(double hipHalfX, double hipHalfZ)
    {
        var world = new WorldLandmark[BodyLandmarks.Count];
        float x = (float)hipHalfX, z = (float)hipHalfZ;
        world[(int)BodyLandmark.LeftHip] = new(x, 0, z, 1);
        world[(int)BodyLandmark.RightHip] = new(-x, 0, -z, 1);
        world[(int)BodyLandmark.LeftKnee] = new(x, 0.4f, z, 1);
        world[(int)BodyLandmark.RightKnee] = new(-x, 0.4f, -z, 1);
        world[(int)BodyLandmark.LeftAnkle] = new(x, 0.8f, z, 1);
        world[(int)BodyLandmark.RightAnkle] = new(-x, 0.8f, -z, 1);
        return world;
    }
}
