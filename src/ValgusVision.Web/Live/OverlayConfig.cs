using System.Buffers;
using System.Text;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Web.Live;

/// <summary>
/// The live page's drawing rules, written from the product's own (<see cref="OverlayPalette"/>,
/// <see cref="SkeletonBones"/>, the settings' visibility gate), so the browser's overlay cannot drift from the
/// overlay video's and the live window's colours. The bands themselves are classified on the server (<see cref="LiveAnswer"/>).
/// </summary>
internal static class OverlayConfig
{
    public static string Json(AnalysisSettings settings)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("gate", settings.VisibilityGate);
            json.WriteNumber("landmarks", BodyLandmarks.Count);
            json.WriteStartArray("bones");
            foreach (var (a, b) in SkeletonBones.Pairs)
            {
                json.WriteStartArray();
                json.WriteNumberValue((int)a);
                json.WriteNumberValue((int)b);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartObject("legs");
            foreach (var side in new[] { Side.Left, Side.Right })
            {
                json.WriteStartArray(side.ToName());
                json.WriteNumberValue((int)side.Hip());
                json.WriteNumberValue((int)side.Knee());
                json.WriteNumberValue((int)side.Ankle());
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartObject("colours");
            json.WriteString("normal", OverlayPalette.Css(OverlayPalette.For(FppaBand.Normal)));
            json.WriteString("elevated", OverlayPalette.Css(OverlayPalette.For(FppaBand.Elevated)));
            json.WriteString("valgus", OverlayPalette.Css(OverlayPalette.For(FppaBand.Valgus)));
            json.WriteString("undefined", OverlayPalette.Css(OverlayPalette.For(FppaBand.Undefined)));
            json.WriteString("skeleton", OverlayPalette.Css(OverlayPalette.Skeleton));
            json.WriteString("pelvis", OverlayPalette.Css(OverlayPalette.Pelvis));
            json.WriteString("text", OverlayPalette.Css(OverlayPalette.Text));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        // Utf8JsonWriter escapes '<' and '>', so the text is safe inside a <script type="application/json">.
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
