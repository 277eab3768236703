using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.TfLite;
using ValgusVision.ModelTools.Tests.TfLite;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>Converts each original file once per test run and keeps the ONNX bytes (converting heavy takes seconds).</summary>
public static class ConvertedModels
{
    private static readonly Dictionary<string, byte[]> Cache = [];

    /// <summary>ONNX bytes of e.g. "pose_landmark_full" converted from the package's .tflite.</summary>
    public static byte[] Onnx(string model)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(model, out byte[]? bytes))
            {
                string path = MediaPipePackage.File(model + ".tflite");
                bytes = TfLiteToOnnxConverter.Convert(TfLiteModel.Load(path));
                Cache[model] = bytes;
            }

            return bytes;
        }
    }
}
