using ValgusVision.ModelTools.Tests.Reference;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>
/// When $VALGUS_PARITY_DUMP names a folder, the parity tests leave their input and both sets of outputs
/// there, so tools/tflite-reference can run the real TFLite runtime on exactly the same input and compare
/// (docs/reference-check.md). Layout: &lt;dump&gt;/&lt;model&gt;/input.f32, reference/&lt;output&gt;.f64,
/// onnx/&lt;output&gt;.f32 — raw little-endian, NHWC.
/// </summary>
internal static class ParityDump
{
    public const string Variable = "VALGUS_PARITY_DUMP";

    public static void WriteReference(string model, ReferenceTensor input, IReadOnlyDictionary<string, ReferenceTensor> reference)
    {
        if (Folder(model) is not { } dir)
        {
            return;
        }
        Directory.CreateDirectory(Path.Combine(dir, "reference"));
        WriteFloats(Path.Combine(dir, "input.f32"), input.Data);
        foreach (var (name, tensor) in reference)
        {
            using var stream = new BinaryWriter(File.Create(Path.Combine(dir, "reference", name + ".f64")));
            foreach (double v in tensor.Data)
            {
                stream.Write(v);
            }
        }
    }

    public static void WriteOnnx(string model, IReadOnlyDictionary<string, (int[] Shape, float[] Values)> onnx)
    {
        if (Folder(model) is not { } dir)
        {
            return;
        }
        Directory.CreateDirectory(Path.Combine(dir, "onnx"));
        foreach (var (name, (_, values)) in onnx)
        {
            using var stream = new BinaryWriter(File.Create(Path.Combine(dir, "onnx", name + ".f32")));
            foreach (float v in values)
            {
                stream.Write(v);
            }
        }
    }

    private static string? Folder(string model)
    {
        string? root = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, model);
    }

    private static void WriteFloats(string path, double[] values)
    {
        using var stream = new BinaryWriter(File.Create(path));
        foreach (double v in values)
        {
            stream.Write((float)v);
        }
    }
}
