using ValgusVision.Domain.Compare;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Reports;

/// <summary>Writes progress.json: one person's sessions over time, per leg (docs/compare.md).</summary>
public static class ProgressJsonWriter
{
    public const string SchemaId = "valgusvision.progress/1";

    public static void Write(ProgressReport progress, string toolVersion, DateTimeOffset created, Stream output)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var json = CompareJson.Open(output, SchemaId, toolVersion, created);
        CompareJson.Text(json, "client", progress.Client);
        json.WriteString("exercise", progress.Exercise);
        json.WriteNumber("sessionCount", progress.Sessions.Count);
        json.WriteNumber("spanDays", progress.SpanDays);
        CompareJson.Number(json, "sessionsPerWeek", progress.SessionsPerWeek);
        foreach (var side in new[] { Side.Left, Side.Right })
        {
            var leg = progress.Leg(side);
            json.WriteStartObject(side.ToName());
            json.WriteNumber("testedSessions", leg.TestedSessions);
            json.WriteNumber("trustedSessions", leg.TrustedSessions);
            CompareJson.Text(json, "firstSource", leg.First?.Session.Source);
            CompareJson.Text(json, "lastSource", leg.Last?.Session.Source);
            CompareJson.Number(json, "changeDeg", leg.ChangeDeg);
            json.WriteEndObject();
        }

        json.WriteStartArray("sessions");
        foreach (var session in progress.Sessions)
        {
            json.WriteStartObject();
            CompareJson.Recording(json, session.Session);
            json.WriteNumber("daysSinceFirst", session.DaysSinceFirst);
            CompareJson.Number(json, "weeksSinceFirst", session.WeeksSinceFirst);
            json.WriteNumber("week", session.Week);
            CompareJson.Leg(json, "left", session.Left);
            CompareJson.Leg(json, "right", session.Right);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        CompareJson.Notes(json, progress.Notes);
        json.WriteEndObject();
    }

    public static void WriteFile(ProgressReport progress, string toolVersion, DateTimeOffset created, string path) =>
        CompareJson.WriteFile(path, stream => Write(progress, toolVersion, created, stream));
}
