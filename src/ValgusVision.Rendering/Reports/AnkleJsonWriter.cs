using System.Reflection;
using System.Text.Json;
using ValgusVision.Domain.Ankle;

namespace ValgusVision.Rendering.Reports;

/// <summary>The "ankle" section of report.json: the weight-bearing lunge test (docs/report-json.md, "ankle").</summary>
internal static class AnkleJsonWriter
{
    public static void Write(Utf8JsonWriter json, AnkleLungeResult? ankle, IReadOnlyList<int> frameNumbers)
    {
        if (ankle is null)
        {
            json.WriteNull("ankle");
            return;
        }

        json.WriteStartObject("ankle");
        Number(json, "sideViewDeg", ankle.SideViewDeg);
        Number(json, "differenceDeg", ankle.DifferenceDeg);
        Number(json, "differenceApproxCm", ankle.DifferenceDeg is { } d ? Math.Abs(d) / ankle.Settings.DegreesPerCentimetre : null);
        json.WriteBoolean("asymmetric", ankle.Asymmetric);
        Text(json, "differenceSentence", ankle.DifferenceSentence);
        json.WriteStartObject("cutOffs");
        Number(json, "restrictedBelowDeg", ankle.Settings.RestrictedBelowDeg);
        Number(json, "degreesPerCm", ankle.Settings.DegreesPerCentimetre);
        Number(json, "asymmetryDeg", ankle.Settings.AsymmetryDeg);
        Number(json, "heelLiftPercentOfFoot", ankle.Settings.HeelLiftPercentOfFoot);
        json.WriteString("sources", ankle.Settings.Sources);
        json.WriteEndObject();
        json.WriteStartArray("problems");
        foreach (var p in ankle.Problems)
        {
            json.WriteStringValue(p);
        }

        json.WriteEndArray();
        WriteSide(json, "left", ankle.Left, frameNumbers);
        WriteSide(json, "right", ankle.Right, frameNumbers);
        json.WriteEndObject();
    }

    /// <summary>Each lunge setting as "ankle" + its name (camelCase) in the flat settings object.</summary>
    public static void WriteSettings(Utf8JsonWriter json, AnkleLungeSettings settings)
    {
        foreach (var property in typeof(AnkleLungeSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            string name = "ankle" + property.Name;
            switch (property.GetValue(settings))
            {
                case double v:
                    Number(json, name, v);
                    break;
                case int i:
                    json.WriteNumber(name, i);
                    break;
                case var other:
                    json.WriteString(name, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static void WriteSide(Utf8JsonWriter json, string name, AnkleSideResult? side, IReadOnlyList<int> frameNumbers)
    {
        if (side is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        Number(json, "bestInclinationDeg", side.BestInclinationDeg);
        if (side.BestAttemptNumber is { } best)
        {
            json.WriteNumber("bestAttempt", best);
        }
        else
        {
            json.WriteNull("bestAttempt");
        }

        Number(json, "toeToWallApproxCm", side.ToeToWallApproxCm);
        json.WriteString("verdict", side.Verdict.ToName());
        json.WriteString("sentence", side.Sentence);
        json.WriteNumber("heelLiftAttempts", side.HeelLiftAttempts);
        json.WriteStartObject("floor");
        json.WriteString("status", side.Floor.Status.ToString().ToLowerInvariant());
        Number(json, "tiltDeg", side.Floor.TiltDeg);
        Number(json, "correctionDeg", side.Floor.CorrectionDeg);
        Number(json, "spreadDeg", side.Floor.SpreadDeg);
        json.WriteNumber("frames", side.Floor.Frames);
        json.WriteEndObject();
        json.WriteStartArray("attempts");
        foreach (var a in side.Attempts)
        {
            json.WriteStartObject();
            json.WriteNumber("number", a.Number);
            Number(json, "startSeconds", a.StartTimeSeconds);
            Number(json, "peakSeconds", a.PeakTimeSeconds);
            Number(json, "endSeconds", a.EndTimeSeconds);
            json.WriteNumber("peakFrame", frameNumbers[a.PeakFrame]);
            Number(json, "inclinationDeg", a.InclinationDeg);
            Text(json, "measuredOn", a.MeasuredOn?.ToName());
            json.WriteBoolean("heelLift", a.HeelLift);
            Number(json, "maxHeelRisePct", a.MaxHeelRisePct);
            Number(json, "maxAnkleRisePct", a.MaxAnkleRisePct);
            Text(json, "problem", a.Problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (ReportJsonWriter.Round(value) is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
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
}
