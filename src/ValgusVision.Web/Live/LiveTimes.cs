using System.Globalization;

namespace ValgusVision.Web.Live;

/// <summary>A live session's server-side times per frame (the answer's work, the recording's), for the log at its end.</summary>
internal sealed class LiveTimes
{
    private readonly List<double> _answer = [];
    private readonly List<double> _record = [];

    public void Add(double answerMs, double recordMs)
    {
        _answer.Add(answerMs);
        _record.Add(recordMs);
    }

    public string Describe() => _answer.Count == 0
        ? "no frame answered"
        : string.Create(CultureInfo.InvariantCulture,
            $"per frame: answer (decode, pose, metrics) median {Median(_answer):0} ms, p95 {P95(_answer):0} ms; recording median {Median(_record):0} ms, p95 {P95(_record):0} ms");

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double P95(List<double> values) => Quantile(values, 0.95);

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
