using System.Diagnostics;
using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.TfLite;
using ValgusVision.ModelTools.Tests.Reference;
using Xunit.Abstractions;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>
/// Issue 9 item 6: each original .tflite through the reference interpreter and our .onnx through ONNX Runtime
/// on real images; every output must agree within 1e-4 of its range (segmentation logits 1e-3).
/// </summary>
public class ConversionParityTests(ITestOutputHelper output)
{
    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_landmark_lite")]
    [InlineData("pose_landmark_full")]
    [InlineData("pose_landmark_heavy")]
    public void Landmark_model_onnx_matches_the_reference_on_a_cropped_person(string model)
    {
        var reference = Check(model, ParityInputs.CroppedPerson);

        // Agreement on an input the model does not see as a person would prove less: the crop must be one.
        double presence = reference["Identity_1"].Data[0];
        Assert.True(presence > 0.5, $"{model}: the reference sees no person in the crop (presence {presence:F3})");
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Detector_onnx_matches_the_reference_on_a_letterboxed_frame()
    {
        var reference = Check("pose_detection", ParityInputs.LetterboxedFrame);

        double bestLogit = reference["Identity_1"].Data.Max();
        Assert.True(bestLogit > 0, $"pose_detection: the reference finds no person in the frame (best score logit {bestLogit:F2})");
    }

    private IReadOnlyDictionary<string, ReferenceTensor> Check(string model, ReferenceTensor input)
    {
        var clock = Stopwatch.StartNew();
        var tflite = TfLiteModel.Load(ParityPaths.TfLiteFile(model));
        string inputName = tflite.Subgraph.InputTensors[0].Name;
        var reference = new ReferenceInterpreter(tflite).Run(new Dictionary<string, ReferenceTensor> { [inputName] = input });
        long referenceMs = clock.ElapsedMilliseconds;
        ParityDump.WriteReference(model, input, reference);
        foreach (var declared in tflite.Subgraph.OutputTensors)
        {
            // The interpreter infers every shape from the ops; it must land on the shapes the file declares.
            Assert.Equal(declared.Shape, reference[declared.Name].Shape);
        }
        output.WriteLine($"{model}: reference interpreter {referenceMs} ms");

        using var onnxFile = OnnxModelFile.For(model);
        var onnx = OnnxModelRunner.Run(onnxFile.Path, inputName, input);
        ParityDump.WriteOnnx(model, onnx);

        output.WriteLine($"{model}: ONNX {onnxFile.Path}{(onnxFile.IsTemporary ? " (converted for this test)" : "")}");
        Assert.Equal(reference.Keys.Order(), onnx.Keys.Order());
        var failures = new List<string>();
        foreach (var (name, expected) in reference)
        {
            var (shape, values) = onnx[name];
            Assert.Equal(expected.Shape, shape);
            var agreement = OutputAgreement.Measure(name, expected, values);
            output.WriteLine("  " + agreement);
            if (!agreement.Passes)
            {
                failures.Add(agreement.ToString());
            }
        }
        Assert.True(failures.Count == 0, $"{model}: ONNX Runtime disagrees with the reference:\n" + string.Join("\n", failures));
        return reference;
    }

    /// <summary>The committed models/&lt;model&gt;.onnx, or for the heavy model (kept out of git) a fresh conversion in a temp folder.</summary>
    private sealed class OnnxModelFile : IDisposable
    {
        private OnnxModelFile(string path, bool isTemporary)
        {
            Path = path;
            IsTemporary = isTemporary;
        }

        public string Path { get; }

        public bool IsTemporary { get; }

        public static OnnxModelFile For(string model)
        {
            string committed = System.IO.Path.Combine(ParityPaths.ModelsDir, model + ".onnx");
            if (File.Exists(committed))
            {
                return new OnnxModelFile(committed, false);
            }
            if (model != "pose_landmark_heavy")
            {
                throw new FileNotFoundException($"{committed} is missing: it is committed to the repository; restore it or run `valgus models fetch`", committed);
            }
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "valgus-parity-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string converted = System.IO.Path.Combine(dir, model + ".onnx");
            TfLiteToOnnxConverter.ConvertFile(ParityPaths.TfLiteFile(model), converted);
            return new OnnxModelFile(converted, true);
        }

        public void Dispose()
        {
            if (IsTemporary)
            {
                Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
            }
        }
    }
}
