using System.Buffers;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Web.Live;

/// <summary>
/// The server's messages to the live page, as JSON text (docs/web-live.md#what-travels). A frame's answer carries what
/// the page draws: the landmarks in the sent frame's pixels, each knee's FPPA and colour band, the stance leg, reps,
/// the valgus event, and the trust rule's verdict; the page colours nothing the server did not call trusted.
/// </summary>
internal static class LiveAnswer
{
    public static ReadOnlyMemory<byte> Frame(
        double captureMs, PoseFrame pose, FrameMetrics metrics, Side? stance, int reps, MeasurementTrust trust, FppaBands bands, double serverMs, ILiveCoach? coach = null)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "frame");
            json.WriteNumber("t", captureMs);
            json.WriteNumber("frame", pose.FrameIndex);
            json.WriteBoolean("pose", pose.HasPose);
            json.WriteStartArray("lm");
            if (pose.HasPose)
            {
                foreach (var l in pose.Landmarks)
                {
                    // Pixels to a tenth and visibility to a hundredth: more is noise, and the message stays ~1.5 kB.
                    json.WriteNumberValue(Math.Round(l.X, 1));
                    json.WriteNumberValue(Math.Round(l.Y, 1));
                    json.WriteNumberValue(Math.Round(l.Visibility, 2));
                }
            }

            json.WriteEndArray();
            // The drill's hidden phase: no angle and no band (its colour would tell the angle), no event.
            bool hidden = coach?.HidesFeedback ?? false;
            Knee(json, "left", hidden ? null : metrics.LeftFppaDeg, bands);
            Knee(json, "right", hidden ? null : metrics.RightFppaDeg, bands);
            Nullable(json, "stance", stance?.ToName());
            json.WriteNumber("reps", reps);
            json.WriteBoolean("event", metrics.InEvent && !hidden);
            json.WriteBoolean("hidden", hidden);
            json.WriteBoolean("trusted", trust.IsTrusted);
            Nullable(json, "reason", trust.Reason);
            json.WriteNumber("serverMs", Math.Round(serverMs, 1));
            coach?.Write(json);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>A message that ends the session from the server's side: refused, or a problem, in one line for the page.</summary>
    public static ReadOnlyMemory<byte> Line(string type, string message) => Object(json =>
    {
        json.WriteString("type", type);
        json.WriteString("message", message);
    });

    /// <summary>The session was stored; the page goes to it.</summary>
    public static ReadOnlyMemory<byte> Saved(long sessionId, int frames) => Object(json =>
    {
        json.WriteString("type", "saved");
        json.WriteNumber("session", sessionId);
        json.WriteString("url", $"/sessions/{sessionId}");
        json.WriteNumber("frames", frames);
    });

    private static ReadOnlyMemory<byte> Object(Action<Utf8JsonWriter> fill)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            fill(json);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void Knee(Utf8JsonWriter json, string side, double? fppa, FppaBands bands)
    {
        json.WriteStartObject(side);
        if (fppa is { } v)
        {
            json.WriteNumber("fppa", Math.Round(v, 1));
        }
        else
        {
            json.WriteNull("fppa");
        }

        json.WriteString("band", bands.Classify(fppa).ToString().ToLowerInvariant());
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
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
