using ValgusVision.Domain.Analysis;

namespace ValgusVision.Domain.Tests;

/// <summary>Structural equality of two analyses (records holding immutable arrays compare arrays by reference).</summary>
internal static class AnalysisAssert
{
    public static void Equal(SessionAnalysis expected, SessionAnalysis actual)
    {
        Assert.Equal(expected.Exercise, actual.Exercise);
        Assert.Equal(expected.ExerciseReason, actual.ExerciseReason);
        Assert.Equal(expected.Reference, actual.Reference);
        Assert.Equal(expected.Frames.Length, actual.Frames.Length);
        for (int i = 0; i < expected.Frames.Length; i++)
        {
            Assert.Equal(expected.Frames[i], actual.Frames[i]);
        }

        Assert.Equal(expected.Events.ToArray(), actual.Events.ToArray());
        Assert.Equal(expected.Reps.Length, actual.Reps.Length);
        for (int i = 0; i < expected.Reps.Length; i++)
        {
            var e = expected.Reps[i];
            var a = actual.Reps[i];
            Assert.Equal(e.Events.ToArray(), a.Events.ToArray());
            Assert.Equal(e.Quality.Issues.ToArray(), a.Quality.Issues.ToArray());
            Assert.Equal(e.Quality with { Issues = [] }, a.Quality with { Issues = [] });
            Assert.Equal(e with { Events = [], Quality = a.Quality }, a with { Events = [] });
        }

        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Warnings.ToArray(), actual.Warnings.ToArray());
    }
}
