using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Truth;

namespace ValgusVision.App.Tests;

/// <summary>Poses made from a truth file's exact joint centres (visibility 1; no shoulders, no world landmarks).</summary>
internal static class TruthPoses
{
    public static List<PoseFrame> From(SampleTruth truth, Func<BodyLandmark, Landmark, Landmark>? perturb = null)
    {
        var frames = new List<PoseFrame>();
        foreach (var row in truth.Frames)
        {
            var landmarks = new Landmark[BodyLandmarks.Count];
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                var leg = row.Leg(side);
                Set(landmarks, side.Hip(), leg.Hip, perturb);
                Set(landmarks, side.Knee(), leg.Knee, perturb);
                Set(landmarks, side.Ankle(), leg.Ankle, perturb);
                Set(landmarks, side.Heel(), leg.Heel, perturb);
                Set(landmarks, side.FootIndex(), leg.Toe, perturb);
            }

            frames.Add(new PoseFrame(row.Frame, row.TimeSeconds, 1280, 720, true, ImmutableArray.Create(landmarks), [], 1, false));
        }

        return frames;
    }

    private static void Set(Landmark[] landmarks, BodyLandmark landmark, Domain.Geometry.Point2 p, Func<BodyLandmark, Landmark, Landmark>? perturb)
    {
        var lm = new Landmark((float)p.X, (float)p.Y, 0, 1, 1);
        landmarks[(int)landmark] = perturb is null ? lm : perturb(landmark, lm);
    }
}
