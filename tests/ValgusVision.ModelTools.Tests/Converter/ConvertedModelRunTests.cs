using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>
/// The converted models load in ONNX Runtime with TFLite's exact input/output contract and give sane
/// answers on real people. (Exactness against a reference interpreter is proven in Reference/.)
/// </summary>
public sealed class ConvertedModelRunTests
{
    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection", "input_1:1,224,224,3", "Identity:1,2254,12 Identity_1:1,2254,1")]
    [InlineData("pose_landmark_lite", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    [InlineData("pose_landmark_full", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    [InlineData("pose_landmark_heavy", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    public void Onnx_keeps_tflite_names_shapes_and_layout(string model, string inputs, string outputs)
    {
        using var session = new InferenceSession(ConvertedModels.Onnx(model));
        Assert.Equal(inputs, Describe(session.InputNames, session.InputMetadata));
        Assert.Equal(outputs, Describe(session.OutputNames, session.OutputMetadata));
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_landmark_lite")]
    [InlineData("pose_landmark_full")]
    [InlineData("pose_landmark_heavy")]
    public void Landmark_model_sees_a_person_in_a_cropped_real_image(string model)
    {
        float[] input = TestImages.CroppedPerson(TestImages.H36mS1, 256);
        Dictionary<string, float[]> outputs = Run(model, input, [1, 256, 256, 3]);
        // Identity_1 is already a probability: the graph ends in LOGISTIC (docs/pose-pipeline.md#landmark-model).
        double presence = outputs["Identity_1"][0];
        Assert.True(presence > 0.5, $"{model}: presence {presence:F3} on a cropped person");

        // Hips (landmarks 23, 24) lie in the middle of the crop, both below the shoulders (11, 12) in image y.
        float[] lm = outputs["Identity"];
        double hipY = (lm[(23 * 5) + 1] + lm[(24 * 5) + 1]) / 2, shoulderY = (lm[(11 * 5) + 1] + lm[(12 * 5) + 1]) / 2;
        double hipX = (lm[23 * 5] + lm[24 * 5]) / 2;
        Assert.InRange(hipX, 80, 176);
        Assert.True(hipY > shoulderY + 20, $"{model}: hips at y {hipY:F1}, shoulders at y {shoulderY:F1}");
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Detector_finds_the_person_in_a_whole_frame()
    {
        float[] input = TestImages.WholeFrame(TestImages.H36mS1, 224);
        Dictionary<string, float[]> outputs = Run("pose_detection", input, [1, 224, 224, 3]);
        float[] scores = outputs["Identity_1"];
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        Assert.True(Sigmoid(scores[best]) > 0.5, $"best detection score {Sigmoid(scores[best]):F3}");
    }

    internal static Dictionary<string, float[]> Run(string model, float[] input, int[] shape)
    {
        using var session = new InferenceSession(ConvertedModels.Onnx(model));
        var tensor = new DenseTensor<float>(input, shape);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor("input_1", tensor)]);
        var outputs = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (DisposableNamedOnnxValue r in results)
        {
            outputs[r.Name] = r.AsTensor<float>().ToArray();
        }

        return outputs;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static string Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata)
        => string.Join(' ', names.Select(n => $"{n}:{string.Join(',', metadata[n].Dimensions)}"));
}
