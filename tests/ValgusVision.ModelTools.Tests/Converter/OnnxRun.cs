using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>Runs ONNX bytes with ONNX Runtime on one float input and returns every output with its shape.</summary>
public static class OnnxRun
{
    public static Dictionary<string, (float[] Data, int[] Shape)> Run(byte[] onnx, string inputName, float[] input, int[] shape)
    {
        using var session = new InferenceSession(onnx);
        var tensor = new DenseTensor<float>(input, shape);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var outputs = new Dictionary<string, (float[], int[])>(StringComparer.Ordinal);
        foreach (DisposableNamedOnnxValue r in results)
        {
            Tensor<float> t = r.AsTensor<float>();
            outputs[r.Name] = (t.ToArray(), t.Dimensions.ToArray());
        }

        return outputs;
    }

    public static float[] Sequence(int count, float start = 1)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = start + i;
        }

        return values;
    }
}
