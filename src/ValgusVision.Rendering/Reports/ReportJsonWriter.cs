using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Recording;

namespace ValgusVision.Rendering.Reports;

/// <summary>
/// Writes report.json (schema: docs/report-json.md and the embedded report.schema.json). Undefined numbers are
/// null, never NaN or a guess; numbers are rounded to 3 decimals (a thousandth of a degree is far below what the
/// method can resolve, and it keeps diffs of reports readable).
/// </summary>
public static class ReportJsonWriter
{
    /// <summary>Identifies the layout; bumped when a field changes meaning or goes away (additions keep it).</summary>
    public const string SchemaId = "valgusvision.report/1";

    public static void Write(AnalysisReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var analysis = report.Analysis;
        json.WriteStartObject();
        json.WriteString("schema", SchemaId);
        json.WriteStartObject("tool");
        json.WriteString("name", "ValgusVision");
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteString("createdUtc", report.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteText(json, "recordedAt", report.Recorded?.Iso);
        WriteText(json, "recordedAtSource", report.Recorded?.Source.ToName());
        WriteText(json, "client", report.Client);
        WriteText(json, "clinician", report.Clinician);
        json.WriteBoolean("complete", report.Complete);
        WriteText(json, "incompleteReason", report.IncompleteReason);
        json.WriteStartObject("model");
        json.WriteString("name", report.ModelName);
        json.WriteEndObject();
        WriteInput(json, report.Input);
        WriteSettings(json, analysis.Settings, report);
        json.WriteString("exercise", analysis.Exercise.ToName());
        json.WriteString("exerciseReason", analysis.ExerciseReason);
        WriteText(json, "expectedFppaAccuracy", report.FppaAccuracy);
        json.WriteBoolean("noPersonFound", report.NoPersonFound);
        json.WriteStartArray("qualityWarnings");
        foreach (var warning in report.AllWarnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        WriteSummary(json, analysis, report.EffectiveTrust.IsTrusted);
        json.WriteStartArray("reps");
        foreach (var rep in analysis.Reps)
        {
            WriteRep(json, rep);
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in analysis.Events)
        {
            WriteEvent(json, e);
        }

        json.WriteEndArray();

        // The weight-bearing lunge test's section; null for every other exercise.
        var frameNumbers = new int[analysis.Frames.Length];
        for (int i = 0; i < frameNumbers.Length; i++)
        {
            frameNumbers[i] = analysis.Frames[i].FrameIndex;
        }

        AnkleJsonWriter.Write(json, analysis.Ankle, frameNumbers);
        json.WriteEndObject();
    }

    public static void WriteFile(AnalysisReport report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    internal static double? Round(double? value) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : null;

    internal static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (Round(value) is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteSide(Utf8JsonWriter json, string name, Side? side) => WriteText(json, name, side?.ToName());

    private static void WriteInput(Utf8JsonWriter json, InputProperties input)
    {
        json.WriteStartObject("input");
        json.WriteString("fileName", input.FileName);
        json.WriteNumber("width", input.Width);
        json.WriteNumber("height", input.Height);
        WriteNumber(json, "frameRateHz", input.FrameRateHz);
        json.WriteBoolean("variableFrameRate", input.VariableFrameRate);
        json.WriteNumber("frameCount", input.FrameCount);
        WriteNumber(json, "durationSeconds", input.DurationSeconds);
        json.WriteNumber("rotationDegrees", input.RotationDegrees);
        WriteNumber(json, "startSeconds", input.StartSeconds);
        WriteNumber(json, "endSeconds", input.EndSeconds);
        json.WriteEndObject();
    }

    /// <summary>Every public setting by reflection, so a setting added to the domain shows up without a change here.</summary>
    private static void WriteSettings(Utf8JsonWriter json, AnalysisSettings settings, AnalysisReport report)
    {
        json.WriteStartObject("settings");
        json.WriteStartObject("analysis");
        foreach (var property in typeof(AnalysisSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (property.GetValue(settings))
            {
                case null:
                    json.WriteNull(name);
                    break;
                case double d:
                    WriteNumber(json, name, d);
                    break;
                case int i:
                    json.WriteNumber(name, i);
                    break;
                case bool b:
                    json.WriteBoolean(name, b);
                    break;
                case Exercise exercise:
                    json.WriteString(name, exercise.ToName());
                    break;
                case Side side:
                    json.WriteString(name, side.ToName());
                    break;
                case Domain.Ankle.AnkleLungeSettings ankle:
                    AnkleJsonWriter.WriteSettings(json, ankle);
                    break;
                case var other:
                    json.WriteString(name, Convert.ToString(other, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndObject();
        json.WriteStartObject("processing");
        foreach (var (key, value) in report.ProcessingSettings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, SessionAnalysis analysis, bool trusted)
    {
        var summary = analysis.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("repCount", summary.RepCount);
        json.WriteNumber("eventCount", summary.EventCount);
        json.WriteNumber("repsNotMeasured", summary.RepsNotMeasured);
        WriteNumber(json, "peopleSeen", summary.PeopleSeen);
        if (summary.NotMeasured is { } notMeasured)
        {
            json.WriteString("notMeasured", notMeasured.ToName());
            json.WriteString("notMeasuredReason", notMeasured.Describe());
        }
        else
        {
            json.WriteNull("notMeasured");
            json.WriteNull("notMeasuredReason");
        }

        WriteNumber(json, "frameRateHz", summary.FrameRateHz);
        WriteNumber(json, "durationSeconds", summary.DurationSeconds);
        json.WriteNumber("refinementKeptFrames", RefinementKeptFrames(analysis));
        WriteHipPoint(json, analysis);
        WriteSideSummary(json, "left", summary.Left, analysis.Settings, trusted);
        WriteSideSummary(json, "right", summary.Right, analysis.Settings, trusted);
        json.WriteStartObject("asymmetry");
        WriteNumber(json, "fppaAtBottomDiffDeg", summary.Asymmetry.FppaAtBottomDiffDeg);
        WriteNumber(json, "peakHipShiftDiffPct", summary.Asymmetry.PeakHipShiftDiffPct);
        WriteSide(json, "worseSide", summary.Asymmetry.WorseSide);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// What the hip-point estimator (<c>--hip-centre</c>) did over the session: frames it moved the hips on, frames it
    /// kept the model's and why; null when none was asked for (the model's hips throughout).
    /// </summary>
    private static void WriteHipPoint(Utf8JsonWriter json, SessionAnalysis analysis)
    {
        if (HipPointCounts.Of(analysis.Frames) is not { } counts)
        {
            json.WriteNull("hipPoint");
            return;
        }

        json.WriteStartObject("hipPoint");
        json.WriteNumber("movedFrames", counts.Moved);
        json.WriteNumber("keptFrames", counts.KeptTotal);
        json.WriteStartObject("keptReasons");
        foreach (var (issue, count) in counts.Kept)
        {
            json.WriteNumber(HipPlacement.Name(issue), count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Frames where the joint-centre refinement kept a model point because a guard failed.</summary>
    private static int RefinementKeptFrames(SessionAnalysis analysis)
    {
        int kept = 0;
        foreach (var frame in analysis.Frames)
        {
            kept += frame.Quality.Refinement.Flagged ? 1 : 0;
        }

        return kept;
    }

    private static void WriteSideSummary(Utf8JsonWriter json, string name, SideSummary side, AnalysisSettings settings, bool trusted)
    {
        json.WriteStartObject(name);
        json.WriteNumber("repCount", side.RepCount);
        WriteStats(json, "fppaAtBottomDeg", side.FppaAtBottom);
        WriteStats(json, "peakFppaDeg", side.PeakFppa);
        WriteStats(json, "peakHipShiftPct", side.PeakHipShift);
        WriteStats(json, "kneeValgusShiftPct", side.KneeValgusShift);
        json.WriteNumber("eventCount", side.EventCount);
        json.WriteNumber("repsWithEvents", side.RepsWithEvents);
        json.WriteString("verdict", ReportText.SideVerdict(side, settings, trusted));
        json.WriteEndObject();
    }

    internal static void WriteStats(Utf8JsonWriter json, string name, MetricStats stats)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", stats.Count);
        WriteNumber(json, "mean", stats.Mean);
        WriteNumber(json, "sd", stats.StandardDeviation);
        WriteNumber(json, "worst", stats.Worst);
        json.WriteEndObject();
    }

    private static void WriteRep(Utf8JsonWriter json, Rep rep)
    {
        json.WriteStartObject();
        foreach (var column in RepFields.All)
        {
            switch (column.Value(rep))
            {
                case null:
                    json.WriteNull(column.JsonName);
                    break;
                case double d:
                    WriteNumber(json, column.JsonName, d);
                    break;
                case int i:
                    json.WriteNumber(column.JsonName, i);
                    break;
                case bool b:
                    json.WriteBoolean(column.JsonName, b);
                    break;
                case string s:
                    json.WriteString(column.JsonName, s);
                    break;
                case var other:
                    throw new InvalidOperationException($"report.json: rep field {column.JsonName} has unexpected type {other.GetType().Name}");
            }
        }

        json.WriteStartArray("events");
        foreach (var e in rep.Events.IsDefault ? [] : rep.Events)
        {
            WriteEvent(json, e);
        }

        json.WriteEndArray();
        json.WriteStartObject("quality");
        json.WriteBoolean("trusted", rep.Quality.IsTrusted);
        WriteNumber(json, "minLegVisibility", rep.Quality.MinLegVisibility);
        WriteNumber(json, "maxOffAxisDeg", rep.Quality.MaxOffAxisDeg);
        WriteNumber(json, "frameRateHz", rep.Quality.FrameRateHz);
        json.WriteNumber("refinementKeptFrames", rep.Quality.RefinementKeptFrames);
        json.WriteStartArray("issues");
        foreach (var issue in rep.Quality.Issues.IsDefault ? [] : rep.Quality.Issues)
        {
            json.WriteStringValue(issue);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        if (rep.HipHitch is { } hitch)
        {
            json.WriteStartObject("hipHitch");
            WriteNumber(json, "pelvicDropRangeDeg", hitch.PelvicDropRangeDeg);
            WriteNumber(json, "topHoldSeconds", hitch.TopHoldSeconds);
            WriteNumber(json, "topElevationDeg", hitch.TopElevationDeg);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("hipHitch");
        }

        if (rep.Landing is { } landing)
        {
            json.WriteStartObject("landing");
            WriteNumber(json, "initialContactTimeSeconds", landing.InitialContactTimeSeconds);
            json.WriteNumber("initialContactFrame", landing.InitialContactFrame);
            WriteNumber(json, "peakFlexionTimeSeconds", landing.PeakFlexionTimeSeconds);
            json.WriteNumber("peakFlexionFrame", landing.PeakFlexionFrame);
            WriteNumber(json, "leftFppaAtContactDeg", landing.LeftFppaAtContactDeg);
            WriteNumber(json, "rightFppaAtContactDeg", landing.RightFppaAtContactDeg);
            WriteNumber(json, "leftFppaAtPeakFlexionDeg", landing.LeftFppaAtPeakFlexionDeg);
            WriteNumber(json, "rightFppaAtPeakFlexionDeg", landing.RightFppaAtPeakFlexionDeg);
            WriteNumber(json, "separationRatioAtContact", landing.SeparationRatioAtContact);
            WriteNumber(json, "separationRatioAtPeakFlexion", landing.SeparationRatioAtPeakFlexion);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("landing");
        }

        BothKneesJson.Write(json, rep.BothKnees);

        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, ValgusEvent e)
    {
        json.WriteStartObject();
        json.WriteString("side", e.Side.ToName());
        WriteNumber(json, "startTimeSeconds", e.StartTimeSeconds);
        WriteNumber(json, "endTimeSeconds", e.EndTimeSeconds);
        WriteNumber(json, "durationSeconds", e.DurationSeconds);
        json.WriteNumber("startFrame", e.StartFrame);
        json.WriteNumber("endFrame", e.EndFrame);
        WriteNumber(json, "peakFppaDeg", e.PeakFppaDeg);
        WriteNumber(json, "peakTimeSeconds", e.PeakTimeSeconds);
        if (e.RepIndex is { } r)
        {
            json.WriteNumber("repIndex", r);
        }
        else
        {
            json.WriteNull("repIndex");
        }

        json.WriteEndObject();
    }
}
