using ValgusVision.App.Compare;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Analysis;

/// <summary>
/// The progress chart's numbers of a report.json, read by the App's reader (<see cref="ReportChartValues"/>, the same
/// rules as <c>valgus progress</c>): this adapter only turns them into what the web app stores.
/// </summary>
public static class ReportMetrics
{
    private const string Source = "report.json";

    /// <exception cref="InvalidDataException">Not a ValgusVision report.</exception>
    public static SessionMetrics Read(Stream json)
    {
        ReportChartValues v;
        try
        {
            v = ReportChartValues.Read(json, Source);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith(Source + ": ", StringComparison.Ordinal))
        {
            // The App names the file as "report.json: not a …"; the clinician's page says it as a sentence.
            throw new InvalidDataException("report.json is " + e.Message[(Source.Length + 2)..], e);
        }

        return new SessionMetrics(v.Exercise, v.LeftFppaDeg, v.RightFppaDeg, v.LeftLungeDeg, v.RightLungeDeg, v.RepCount, v.Recorded);
    }

    public static SessionMetrics ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
