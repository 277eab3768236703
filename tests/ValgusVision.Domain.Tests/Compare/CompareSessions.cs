using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests.Compare;

/// <summary>Hand-made recordings for the comparison and progress maths: one leg tested, numbers chosen to check by hand.</summary>
internal static class CompareSessions
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static LegMeasures Leg(Side side, int reps, double? mean, double? sd = null, double? worst = null, double? hip = null, int events = 0) =>
        new(side, reps, new MetricStats(mean is null ? 0 : reps, mean, sd, worst ?? mean), new MetricStats(hip is null ? 0 : reps, hip, null, hip), events, events);

    public static LegMeasures None(Side side) => new(side, 0, MetricStats.Empty, MetricStats.Empty, 0, 0);

    /// <summary>A recording of one leg (<paramref name="side"/>) with <paramref name="reps"/> reps.</summary>
    public static SessionRecord Of(
        string source, Side side, double? mean, int day = 0, int reps = 3, double? hip = null, MeasurementTrust? trust = null,
        string? client = null, string exercise = "squat", double limit = 10, double? sd = null) =>
        new(
            source,
            source + ".mp4",
            Monday.AddDays(day),
            DateIsRecording: true,
            client,
            exercise,
            limit,
            "± 3°, frontal view",
            trust ?? MeasurementTrust.Trusted,
            side == Side.Left ? Leg(Side.Left, reps, mean, sd, hip: hip) : None(Side.Left),
            side == Side.Right ? Leg(Side.Right, reps, mean, sd, hip: hip) : None(Side.Right));
}
