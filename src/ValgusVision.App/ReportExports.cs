using System.Collections.Immutable;
using System.Reflection;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Refinement;
using ValgusVision.Rendering.Reports;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// The one report builder of every session (analyze, batch, live, reanalyze): writes the requested report files (frames.csv with the domain's writer; reps.csv, report.json, .html and .pdf with
/// the rendering project's), each atomically, and says which it wrote.
/// </summary>
public static class ReportExports
{
    public static string ToolVersion { get; } =
        typeof(ReportExports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void Write(ReportContext context, SessionAnalysis analysis, OutputPaths paths, OutputFormats formats, List<string> written)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(written);
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
            AtomicOutput.WriteStream(paths.ReportJson, stream => ReportJsonWriter.Write(report, stream));
            written.Add(paths.ReportJson);
        }

        if (formats.HasFlag(OutputFormats.Html))
        {
            AtomicOutput.Write(paths.ReportHtml, temp => HtmlReportWriter.WriteFile(report, temp));
            written.Add(paths.ReportHtml);
        }

        if (formats.HasFlag(OutputFormats.Pdf))
        {
            // SkiaSharp writes the PDF from native code, where an IOException would abort the process.
            AtomicOutput.WriteBuffered(paths.ReportPdf, stream => PdfReportWriter.Write(report, stream));
            written.Add(paths.ReportPdf);
        }
    }

    public static AnalysisReport ReportFor(ReportContext context, SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analysis);
        var poses = context.Poses;
        var times = new double[poses.Count];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = poses[i].TimeSeconds;
        }

        bool still = context.Kind == SourceKind.Image;
        var rates = FrameRates.Instantaneous(times);
        double? rate = still ? null : FrameRates.Median(rates, 0, rates.Length - 1);
        var session = context.Session;
        var input = new InputProperties(
            DisplayName(context.Input),
            context.Width > 0 || poses.Count == 0 ? context.Width : poses[0].ImageWidth,
            context.Height > 0 || poses.Count == 0 ? context.Height : poses[0].ImageHeight,
            rate,
            poses.Count,
            poses.Count > 0 ? poses[^1].TimeSeconds - poses[0].TimeSeconds : 0,
            context.RotationDegrees,
            IsVariable(rates),
            session.Range.StartSeconds ?? 0,
            session.Range.EndSeconds);
        string model = context.PoseSource ?? session.Model.Name;
        var settings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        settings["pose model"] = model;
        if (context.PoseSource is null)
        {
            // The pose options only describe poses this run made; a frames CSV's poses were made by another run.
            foreach (var (name, value) in session.Levers.Describe(still))
            {
                settings[name] = value;
            }

            settings["joint-centre refinement"] = session.Refine.Describe();
        }

        settings["hip point"] = session.HipCentre.Describe();
        settings["frame times"] = context.FrameTimes;
        if (context.VideoEncoder is { } encoder)
        {
            settings["overlay video"] = encoder;
        }

        foreach (var (name, value) in context.ExtraSettings)
        {
            settings[name] = value;
        }

        return new AnalysisReport(
            ToolVersion,
            DateTimeOffset.UtcNow,
            model,
            input,
            analysis,
            settings.ToImmutable(),
            [.. context.Warnings],
            Complete: context.Complete,
            IncompleteReason: context.Complete ? null : context.IncompleteReason,
            FppaAccuracy: context.PoseSource is null
                ? ExpectedFppaAccuracy.For(analysis, session)
                : ExpectedFppaAccuracy.UnknownPoseSource(analysis),
            RepBottomImages: context.RepBottomImages)
        {
            Trust = MeasurementTrust.Of(analysis, ExpectedFppaAccuracy.IsEvaluated(session)),
            Client = session.Client,
            Clinician = session.Clinician,
            Recorded = context.Recorded ?? session.RecordedAt,
            AppendixSettings = [.. ReportAppendix.Settings(context)],
        };
    }

    /// <summary>The input as a report names it: the file name without folders ("camera 0" for a camera index).</summary>
    public static string DisplayName(string input)
    {
        string name = Path.GetFileName(input.TrimEnd('/', '\\'));
        return name.Length > 0 ? name : input;
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
