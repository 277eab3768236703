using ValgusVision.Domain.Pose;
using System.Text.Json;
using ValgusVision.Domain.Analysis;

namespace ValgusVision.Rendering.Reports;

/// <summary>A rep's <c>bothKnees</c> object in report.json (double-leg squat and forward lunge; null otherwise).</summary>
internal static class BothKneesJson
{
    public static void Write(Utf8JsonWriter json, BothKneesMeasures? knees)
    {
        if (knees is null)
        {
            json.WriteNull("bothKnees");
            return;
        }

        json.WriteStartObject("bothKnees");
        json.WriteString("feet", FeetName(knees.Feet));
        WriteString(json, "leadLeg", knees.LeadLeg?.ToName());
        WriteNumber(json, "leftFppaAtBottomDeg", knees.LeftFppaAtBottomDeg);
        WriteNumber(json, "rightFppaAtBottomDeg", knees.RightFppaAtBottomDeg);
        WriteNumber(json, "differenceDeg", knees.DifferenceDeg);
        WriteNumber(json, "leftPeakFppaDeg", knees.LeftPeakFppaDeg);
        WriteNumber(json, "rightPeakFppaDeg", knees.RightPeakFppaDeg);
        WriteNumber(json, "feetApartPct", knees.FeetApartPct);
        WriteString(json, "feetNote", knees.FeetNote);
        json.WriteEndObject();
    }

    /// <summary>JSON/CSV word for the feet: unknown, one-foot-lifted, side-by-side, split.</summary>
    public static string FeetName(FeetStance feet) => feet switch
    {
        FeetStance.OneFootLifted => "one-foot-lifted",
        FeetStance.SideBySide => "side-by-side",
        FeetStance.Split => "split",
        _ => "unknown",
    };

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
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

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
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
