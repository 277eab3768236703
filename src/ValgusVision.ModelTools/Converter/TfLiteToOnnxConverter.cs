using System.Security.Cryptography;
using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// Converts a TFLite model into an ONNX model (opset 13) that ONNX Runtime runs with the same results.
/// The ONNX graph keeps the TFLite input and output names, shapes and layouts exactly (NHWC where 4-D);
/// inside, it computes in NCHW. Supported: CONV_2D, DEPTHWISE_CONV_2D, ADD, PAD, MAX_POOL_2D,
/// RESIZE_BILINEAR, DEPTH_TO_SPACE, RESHAPE, CONCATENATION, LOGISTIC, DEQUANTIZE (FLOAT16 weights) and
/// DENSIFY (sparse weights) — anything else, or a quantized tensor, is a <see cref="ModelConversionException"/>.
/// The output is deterministic: the same input file gives the same bytes.
/// </summary>
public static class TfLiteToOnnxConverter
{
    public const string ProducerName = "ValgusVision TfLiteToOnnxConverter";

    /// <summary>Bumped when the converter's output changes, so a model's bytes identify the converter that made it.</summary>
    public const string ProducerVersion = "2";

    /// <summary>Metadata key holding the source file's name (no folder, so the bytes do not depend on where it lay).</summary>
    public const string SourceFileKey = "source_file";

    /// <summary>Metadata key holding the source file's sha256 (lower-case hex).</summary>
    public const string SourceSha256Key = "source_sha256";

    /// <summary>
    /// Converts <paramref name="tflitePath"/> into <paramref name="onnxPath"/>. The ONNX file is written to a
    /// temporary file next to it and renamed, so on any error no partial file is left and an existing file
    /// is unchanged.
    /// </summary>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="InvalidDataException">The input is not a valid TFLite model; the message names the input.</exception>
    /// <exception cref="ModelConversionException">It uses an unsupported op or a quantized tensor; the message names the input and the op or tensor.</exception>
    public static void ConvertFile(string tflitePath, string onnxPath)
    {
        if (!File.Exists(tflitePath))
        {
            throw new FileNotFoundException($"{tflitePath}: no such file", tflitePath);
        }

        byte[] source = File.ReadAllBytes(tflitePath);
        TfLiteModel model = TfLiteModel.Parse(source, tflitePath);
        byte[] onnx = Convert(model, Path.GetFileName(tflitePath), Convert(SHA256.HashData(source)));
        WriteAtomically(onnxPath, onnx);
    }

    /// <summary>Converts a parsed model and returns the ONNX bytes.</summary>
    /// <param name="model">The TFLite model; its <see cref="TfLiteModel.Name"/> is used in errors.</param>
    /// <param name="sourceFile">Recorded in the ONNX metadata (optional).</param>
    /// <param name="sourceSha256">Recorded in the ONNX metadata (optional).</param>
    public static byte[] Convert(TfLiteModel model, string? sourceFile = null, string? sourceSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Subgraphs.Count != 1)
        {
            throw new ModelConversionException($"{model.Name}: {model.Subgraphs.Count} subgraphs; only single-subgraph models are supported");
        }

        OnnxGraph graph = GraphConversion.Convert(model.Name, model.Subgraph);
        var metadata = new List<KeyValuePair<string, string>>();
        if (sourceFile is not null)
        {
            metadata.Add(new(SourceFileKey, sourceFile));
        }

        if (sourceSha256 is not null)
        {
            metadata.Add(new(SourceSha256Key, sourceSha256));
        }

        return OnnxModelWriter.Serialize(graph, ProducerName, ProducerVersion, metadata);
    }

    private static string Convert(byte[] hash) => System.Convert.ToHexStringLower(hash);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{path}: the folder {folder} does not exist");
        }

        string temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
