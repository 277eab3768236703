using System.Globalization;
using ValgusVision.App;
using ValgusVision.App.Evaluation;

namespace ValgusVision.Cli.Commands;

/// <summary><c>valgus eval --mirror</c>: one line per clip, mirror.csv, the pose time per frame. Exit codes as eval's.</summary>
internal static class EvalMirror
{
    public static async Task<int> RunAsync(IReadOnlyList<string> clips, AnalyzeOptions options, CancellationToken cancellation)
    {
        var (measured, failures, poseMs) = await new MirrorEvaluation(options).RunAsync(
            clips,
            clip => Console.Out.WriteLine(clip.Line()),
            failure => Console.Error.WriteLine($"valgus: {failure}"),
            cancellation);
        string written;
        try
        {
            written = MirrorEvaluation.Write(measured, options.OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError(e.Message, CliError.Failed, e);
        }

        if (poseMs is { } ms)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pose {ms:0.0} ms per frame ({options.Levers.Label})"));
        }

        Console.Out.WriteLine("wrote " + written);
        return failures.Length == 0 ? 0 : measured.Length == 0 ? CliError.BadInput : CliError.Failed;
    }
}
