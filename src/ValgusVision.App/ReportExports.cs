using System.Collections.Immutable;
using System.Reflection;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Refinement;
using ValgusVision.Rendering.Reports;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Writes the requested report files (frames.csv with the domain's writer; reps.csv, report.json, .html and .pdf with
/// the rendering project's), each atomically, and says which it wrote.
/// </summary>
public static class ReportExports
{
    public static string ToolVersion { get; } =
        typeof(ReportExports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void Write(ReportContext context, SessionAnalysis analysis, OutputPaths paths, OutputFormats formats, List<string> written)
    {
        if (formats.HasFlag(OutputFormats.Csv))
        {
            AtomicOutput.WriteText(paths.FramesCsv, w => FramesCsvWriter.Write(w, context.Poses, analysis.Frames, analysis.Ankle));
            written.Add(paths.FramesCsv);
            AtomicOutput.WriteText(paths.RepsCsv, w => Rendering.Reports.RepsCsvWriter.Write(analysis.Reps, w));
            written.Add(paths.RepsCsv);
            if (analysis.Ankle is { } ankle)
            {
                var frameNumbers = analysis.Frames.Select(f => f.FrameIndex).ToArray();
                AtomicOutput.WriteText(paths.AttemptsCsv, w => AttemptsCsvWriter.Write(ankle, frameNumbers, w));
                written.Add(paths.AttemptsCsv);
            }
        }

        if ((formats & (OutputFormats.Json | OutputFormats.Html | OutputFormats.Pdf)) == 0)
        {
            return;
        }

        var report = ReportFor(context, analysis);
        if (formats.HasFlag(OutputFormats.Json))
        {
            AtomicOutput.Write(paths.ReportJson, temp =>
            {
                using var stream = File.Create(temp);
                ReportJsonWriter.Write(report, stream);
            });
            written.Add(paths.ReportJson);
        }

        if (formats.HasFlag(OutputFormats.Html))
        {
            AtomicOutput.Write(paths.ReportHtml, temp => HtmlReportWriter.WriteFile(report, temp));
            written.Add(paths.ReportHtml);
        }

        if (formats.HasFlag(OutputFormats.Pdf))
        {
            AtomicOutput.Write(paths.ReportPdf, temp =>
            {
                using var stream = File.Create(temp);
                PdfReportWriter.Write(report, stream);
            });
            written.Add(paths.ReportPdf);
        }
    }

    public static AnalysisReport ReportFor(ReportContext context, SessionAnalysis analysis)
    {
        var poses = context.Poses;
        var times = new double[poses.Count];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = poses[i].TimeSeconds;
        }

        var rates = FrameRates.Instantaneous(times);
        double? rate = context.Source.Kind == SourceKind.Image ? null : FrameRates.Median(rates, 0, rates.Length - 1);
        var input = new InputProperties(
            Path.GetFileName(context.Input),
            context.Source.Width,
            context.Source.Height,
            rate,
            poses.Count,
            poses.Count > 0 ? poses[^1].TimeSeconds - poses[0].TimeSeconds : 0,
            context.Source.RotationDegrees,
            IsVariable(rates),
            context.Options.Range.StartSeconds ?? 0,
            context.Options.Range.EndSeconds);
        var settings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        settings["pose model"] = context.Options.Model.Name;
        foreach (var (name, value) in context.Options.Levers.Describe(context.Source.Kind == SourceKind.Image))
        {
            settings[name] = value;
        }

        settings["joint-centre refinement"] = context.Options.Refine.Describe();

        settings["frame times"] = context.Source.Kind == SourceKind.Image ? "still image" : "container timestamps";
        if (context.VideoEncoder is { } encoder)
        {
            settings["overlay video"] = encoder;
        }

        return new AnalysisReport(
            ToolVersion,
            DateTimeOffset.UtcNow,
            context.Options.Model.Name,
            input,
            analysis,
            settings.ToImmutable(),
            [.. context.SourceWarnings],
            Complete: !context.Incomplete,
            IncompleteReason: context.Incomplete ? context.SourceWarnings.FirstOrDefault(w => w.Contains("truncated", StringComparison.Ordinal)) : null,
            FppaAccuracy: ExpectedFppaAccuracy.For(analysis, context.Options),
            RepBottomImages: context.RepBottomImages)
        {
            Trust = MeasurementTrust.Of(analysis, ExpectedFppaAccuracy.IsEvaluated(context.Options)),
        };
    }

    /// <summary>Variable when frame intervals spread by more than 10 % around the median (phones vary 20–50 %).</summary>
    private static bool IsVariable(double?[] rates)
    {
        double? median = FrameRates.Median(rates, 0, rates.Length - 1);
        if (median is not { } m || m <= 0)
        {
            return false;
        }

        foreach (var r in rates)
        {
            if (r is { } v && Math.Abs(v - m) > 0.1 * m)
            {
                return true;
            }
        }

        return false;
    }
}
