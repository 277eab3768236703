using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>
/// One analysed recording as the comparison and progress reports need it: when, whose, what exercise, against which
/// limit, how far its knee angles can be trusted, and each leg's numbers.
/// </summary>
/// <param name="Source">Where it came from (the report.json's path as given), for messages and tables.</param>
/// <param name="FileName">The recording's file name (report.json's <c>input.fileName</c>).</param>
/// <param name="Date">When it was recorded, or when it was analysed when the report does not say (<paramref name="DateIsRecording"/>).</param>
/// <param name="DateIsRecording">True when <paramref name="Date"/> is the recording's own date.</param>
/// <param name="Client">The client's name when the report carries one; null when it does not.</param>
/// <param name="Exercise">Exercise name as in report.json (<c>squat</c>, <c>hinge</c>, …).</param>
/// <param name="ThresholdDeg">The valgus limit the recording was analysed with.</param>
/// <param name="Accuracy">The report's expected FPPA accuracy ("± 6°, frontal view" or "accuracy unknown: …"); null without reps.</param>
/// <param name="Trust">Whether its knee angles may be compared with the limit and with another recording.</param>
/// <param name="Complete">False when the input was not read to its end (the numbers cover the part read).</param>
public sealed record SessionRecord(
    string Source,
    string FileName,
    DateTimeOffset Date,
    bool DateIsRecording,
    string? Client,
    string Exercise,
    double ThresholdDeg,
    string? Accuracy,
    MeasurementTrust Trust,
    LegMeasures Left,
    LegMeasures Right,
    bool Complete = true)
{
    public LegMeasures Leg(Side side) => side == Side.Left ? Left : Right;
}
