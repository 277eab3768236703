using ValgusVision.Tests.Support;
using System.Globalization;
using System.Text.Json;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>
/// A reference file made by MediaPipe's own Pose pipeline (tools/mediapipe-reference): per frame the timestamp sent
/// to MediaPipe, whether it found a pose, and 33 landmarks (x, y in pixels of the frame), plus its options.
/// </summary>
internal sealed record MediaPipeReference(
    string VideoFile,
    PoseModelKind Model,
    bool SmoothLandmarks,
    float MinDetectionConfidence,
    float MinTrackingConfidence,
    List<MediaPipeReference.Frame> Frames)
{
    public sealed record Frame(int Index, double TimestampMs, bool HasPose, float[] X, float[] Y);

    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "data", "mediapipe-reference");

    public static MediaPipeReference Load(string stem, string model)
    {
        string csvPath = Path.Combine(Folder, $"{stem}.{model}.csv");
        string jsonPath = Path.Combine(Folder, $"{stem}.{model}.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        JsonElement options = json.RootElement.GetProperty("options");
        PoseModelKind kind = options.GetProperty("model").GetString() switch
        {
            "lite" => PoseModelKind.Lite,
            "full" => PoseModelKind.Full,
            "heavy" => PoseModelKind.Heavy,
            string other => throw new InvalidDataException($"{jsonPath}: unknown model '{other}'"),
            null => throw new InvalidDataException($"{jsonPath}: no model"),
        };

        var frames = new List<Frame>();
        string[] lines = File.ReadAllLines(csvPath);
        for (int l = 1; l < lines.Length; l++)
        {
            if (lines[l].Length == 0)
            {
                continue;
            }

            string[] c = lines[l].Split(',');
            bool hasPose = c[2] == "1";
            var x = new float[33];
            var y = new float[33];
            for (int i = 0; hasPose && i < 33; i++)
            {
                x[i] = float.Parse(c[3 + 4 * i], CultureInfo.InvariantCulture);
                y[i] = float.Parse(c[4 + 4 * i], CultureInfo.InvariantCulture);
            }

            frames.Add(new Frame(int.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[1], CultureInfo.InvariantCulture), hasPose, x, y));
        }

        return new MediaPipeReference(
            json.RootElement.GetProperty("video").GetProperty("file").GetString()!,
            kind,
            options.GetProperty("smoothLandmarks").GetBoolean(),
            options.GetProperty("minDetectionConfidence").GetSingle(),
            options.GetProperty("minTrackingConfidence").GetSingle(),
            frames);
    }
}
