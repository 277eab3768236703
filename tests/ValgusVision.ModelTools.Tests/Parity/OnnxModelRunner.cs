using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ValgusVision.ModelTools.Tests.Reference;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>Runs one of our converted .onnx files with ONNX Runtime on an NHWC float input and returns every output by name.</summary>
internal static class OnnxModelRunner
{
    public static IReadOnlyDictionary<string, (int[] Shape, float[] Values)> Run(string onnxPath, string inputName, ReferenceTensor input)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2 };
        using var session = new InferenceSession(onnxPath, options);
        var values = new float[input.Data.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)input.Data[i];
        }
        var tensor = new DenseTensor<float>(values, input.Shape);
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(inputName, tensor) });
        var outputs = new Dictionary<string, (int[], float[])>();
        foreach (var result in results)
        {
            var t = result.AsTensor<float>();
            outputs[result.Name] = (t.Dimensions.ToArray(), t.ToArray());
        }
        return outputs;
    }
}
