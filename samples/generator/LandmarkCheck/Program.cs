using System.Diagnostics;
using System.Globalization;
using LandmarkCheck;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Runs BlazePose's landmark model alone (no detector, no smoothing) on a fixed square crop around the rendered
// person and compares its hips, knees and ankles with the truth. The crop comes from the truth (centred on the
// standing mid-hip, 2.8 standing leg lengths wide, about MediaPipe's 1.25 x body box), so this checks whether
// the model sees a person and where it puts the joints, not our pipeline's ROI tracking.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LandmarkCheck CLIP.mp4 MODEL.onnx  (CLIP.truth.csv must lie beside the clip)");
    return 2;
}
var clip = args[0];
var truthPath = Path.ChangeExtension(clip, null) + ".truth.csv";
var truth = TruthFrame.ReadAll(truthPath);
var first = truth[0];
var midX = (first.Joints["left_hip"].X + first.Joints["right_hip"].X) / 2;
var midY = (first.Joints["left_hip"].Y + first.Joints["right_hip"].Y) / 2;
var leg = Math.Max(Dist(first.Joints["left_hip"], first.Joints["left_ankle"]), Dist(first.Joints["right_hip"], first.Joints["right_ankle"]));
var side = (int)Math.Round(Math.Min(720, 2.8 * leg)) & ~1;
var x0 = (int)Math.Round(midX - side / 2.0);
var y0 = Math.Clamp((int)Math.Round(midY - side / 2.0), 0, 720 - side);
const int InputSize = 256;

using var options = new SessionOptions { IntraOpNumThreads = 1 };
using var session = new InferenceSession(args[1], options);
var inputName = session.InputMetadata.Keys.First();
var dims = session.InputMetadata[inputName].Dimensions;
var channelsLast = dims[^1] == 3;

var frameBytes = InputSize * InputSize * 3;
var psi = new ProcessStartInfo("ffmpeg", ["-loglevel", "error", "-i", clip, "-vf",
    $"crop={side}:{side}:{x0}:{y0},scale={InputSize}:{InputSize}:flags=bilinear", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
{ RedirectStandardOutput = true };
using var ffmpeg = Process.Start(psi) ?? throw new InvalidOperationException("cannot start ffmpeg");
var stream = ffmpeg.StandardOutput.BaseStream;
var buffer = new byte[frameBytes];
var input = new DenseTensor<float>(channelsLast ? [1, InputSize, InputSize, 3] : [1, 3, InputSize, InputSize]);
string[] names = ["hip", "knee", "ankle"];
var errors = new Dictionary<string, List<double>>();
var offsets = new Dictionary<string, (double Dx, double Dy)>();
var swapped = 0;
var presence = new List<double>();
var bottomErrors = new List<(int Rep, double Model, double Truth)>();
for (var i = 0; i < truth.Count; i++)
{
    stream.ReadExactly(buffer);
    for (var y = 0; y < InputSize; y++)
    {
        for (var x = 0; x < InputSize; x++)
        {
            for (var c = 0; c < 3; c++)
            {
                var value = buffer[(y * InputSize + x) * 3 + c] / 255f;
                if (channelsLast)
                {
                    input[0, y, x, c] = value;
                }
                else
                {
                    input[0, c, y, x] = value;
                }
            }
        }
    }
    using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
    var landmarks = results.First(r => r.Name == "Identity").AsEnumerable<float>().ToArray();
    presence.Add(results.First(r => r.Name == "Identity_1").AsEnumerable<float>().First());
    (double X, double Y) Landmark(int index) =>
        (x0 + landmarks[index * 5] / InputSize * side, y0 + landmarks[index * 5 + 1] / InputSize * side);
    var row = truth[i];
    var model = new Dictionary<string, (double X, double Y)>();
    for (var n = 0; n < names.Length; n++)
    {
        model[$"left_{names[n]}"] = Landmark(23 + 2 * n);
        model[$"right_{names[n]}"] = Landmark(24 + 2 * n);
    }
    foreach (var (key, point) in model)
    {
        errors.TryAdd(key, []);
        errors[key].Add(Dist(point, row.Joints[key]));
        var (dx, dy) = offsets.GetValueOrDefault(key);
        offsets[key] = (dx + (point.X - row.Joints[key].X) / truth.Count, dy + (point.Y - row.Joints[key].Y) / truth.Count);
    }
    if (Dist(model["left_knee"], row.Joints["right_knee"]) + Dist(model["right_knee"], row.Joints["left_knee"])
        < Dist(model["left_knee"], row.Joints["left_knee"]) + Dist(model["right_knee"], row.Joints["right_knee"]))
    {
        swapped++;
    }
    if (row.Phase == "bottom" && row.Stance != "none")
    {
        var s = row.Stance;
        var o = s == "left" ? "right" : "left";
        var fppa = Fppa(model[$"{s}_hip"], model[$"{s}_knee"], model[$"{s}_ankle"], model[$"{o}_hip"]);
        bottomErrors.Add((row.Rep, fppa, s == "left" ? row.LeftFppaDeg : row.RightFppaDeg));
    }
}
ffmpeg.WaitForExit();
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"{Path.GetFileName(clip)}: {truth.Count} frames, crop {side}px at ({x0},{y0}), presence min {presence.Min():F3} mean {presence.Average():F3}, frames with knees swapped: {swapped}"));
foreach (var (key, list) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
{
    list.Sort();
    Console.WriteLine(string.Create(inv, $"  {key,-12} median error {list[list.Count / 2],6:F1} px, 90th percentile {list[(int)(list.Count * 0.9)],6:F1} px, mean offset ({offsets[key].Dx:F1}, {offsets[key].Dy:F1}) px"));
}
foreach (var group in bottomErrors.GroupBy(b => b.Rep))
{
    var m = group.Average(g => g.Model);
    var t = group.Average(g => g.Truth);
    Console.WriteLine(string.Create(inv, $"  rep {group.Key} bottom: stance FPPA model {m:F1} deg, truth {t:F1} deg, error {m - t:F1} deg"));
}
return 0;

static double Dist((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

// METRICS.md: 180 minus the included angle at the knee, positive when the knee is on the other hip's side.
static double Fppa((double X, double Y) hip, (double X, double Y) knee, (double X, double Y) ankle, (double X, double Y) otherHip)
{
    var (ax, ay) = (hip.X - knee.X, hip.Y - knee.Y);
    var (bx, by) = (ankle.X - knee.X, ankle.Y - knee.Y);
    var cos = Math.Clamp((ax * bx + ay * by) / (Math.Sqrt(ax * ax + ay * ay) * Math.Sqrt(bx * bx + by * by)), -1, 1);
    var magnitude = 180 - Math.Acos(cos) * 180 / Math.PI;
    static int Side((double X, double Y) a, (double X, double Y) b, (double X, double Y) p) =>
        Math.Sign((b.X - a.X) * (p.Y - a.Y) - (b.Y - a.Y) * (p.X - a.X));
    var k = Side(hip, ankle, knee);
    return k == 0 ? 0 : k == Side(hip, ankle, otherHip) ? magnitude : -magnitude;
}
