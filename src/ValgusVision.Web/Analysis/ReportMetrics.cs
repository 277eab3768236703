using ValgusVision.App.Compare;

namespace ValgusVision.Web.Analysis;

/// <summary>
/// The progress chart's numbers of a report.json, read by the App's reader (<see cref="ReportChartValues"/>, the same
/// rules as <c>valgus progress</c>), which the web app stores as they are; this adapter only words its refusals for the page.
/// </summary>
public static class ReportMetrics
{
    private const string Source = "report.json";

    /// <exception cref="InvalidDataException">Not a ValgusVision report.</exception>
    public static ReportChartValues Read(Stream json)
    {
        try
        {
            return ReportChartValues.Read(json, Source);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith(Source + ": ", StringComparison.Ordinal))
        {
            // The App names the file as "report.json: not a …"; the clinician's page says it as a sentence.
            throw new InvalidDataException("report.json is " + e.Message[(Source.Length + 2)..], e);
        }
    }

    public static ReportChartValues ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
