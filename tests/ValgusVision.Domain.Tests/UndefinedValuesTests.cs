using System.Reflection;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class UndefinedValuesTests
{
    [Fact]
    public void Missing_and_broken_landmarks_give_undefined_values_never_nan_anywhere_in_the_analysis()
    {
        var random = new Random(11);
        var frames = new SyntheticSession { NoisePx = 2 }.Build(3, SyntheticSession.Squat(_ => Side.Right, 100, 20, 10));
        for (int i = 0; i < frames.Count; i++)
        {
            var landmarks = frames[i].Landmarks.ToBuilder();
            var world = frames[i].WorldLandmarks.ToBuilder();
            int which = random.Next(BodyLandmarks.Count);
            switch (i % 7)
            {
                case 0:
                    landmarks[which] = landmarks[which] with { Visibility = 0.1f };
                    break;
                case 1:
                    landmarks[which] = landmarks[which] with { X = float.NaN };
                    break;
                case 2:
                    world[which] = world[which] with { Y = float.PositiveInfinity };
                    break;
                case 3:
                    frames[i] = PoseFrame.NoPose(frames[i].FrameIndex, frames[i].TimeSeconds, 1000, 1000);
                    continue;
                case 4:
                    // Coinciding hip and knee: a degenerate leg.
                    landmarks[(int)BodyLandmark.RightKnee] = landmarks[(int)BodyLandmark.RightHip];
                    break;
            }

            frames[i] = frames[i] with { Landmarks = landmarks.ToImmutable(), WorldLandmarks = world.ToImmutable() };
        }

        var analysis = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default with { HeightCm = 170 });
        Assert.Contains(analysis.Frames, f => f.RightFppaDeg is null && f.HasPose);
        foreach (var frame in analysis.Frames)
        {
            AssertFinite(frame);
            AssertFinite(frame.Quality);
            AssertFinite(frame.Quality.Foreshortening);
        }

        foreach (var rep in analysis.Reps)
        {
            AssertFinite(rep);
            AssertFinite(rep.Quality);
        }

        foreach (var e in analysis.Events)
        {
            AssertFinite(e);
        }

        AssertFinite(analysis.Reference);
        AssertFinite(analysis.Summary.Left.FppaAtBottom);
        AssertFinite(analysis.Summary.Right.PeakHipShift);
        AssertFinite(analysis.Summary.Asymmetry);
    }

    /// <summary>Every double, double? and float property of the value is finite or null.</summary>
    private static void AssertFinite(object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? v = property.GetValue(value);
            switch (v)
            {
                case double d:
                    Assert.True(double.IsFinite(d), $"{value.GetType().Name}.{property.Name} = {d}");
                    break;
                case float f:
                    Assert.True(float.IsFinite(f), $"{value.GetType().Name}.{property.Name} = {f}");
                    break;
            }
        }
    }
}
