using ValgusVision.Tests.Support;
using System.Security.Cryptography;
using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;
using ValgusVision.ModelTools.Tests.TfLite;
using static ValgusVision.ModelTools.Tests.TfLite.TfLiteTestModel;
using Op = ValgusVision.ModelTools.TfLite.TfLiteBuiltinOperator;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>What the rest of ValgusVision relies on: determinism, the committed files, refusals, no partial files.</summary>
public sealed class ConverterContractTests
{
    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection")]
    [InlineData("pose_landmark_lite")]
    [InlineData("pose_landmark_full")]
    public void Committed_models_are_byte_identical_to_a_fresh_conversion(string model)
    {
        string committed = Path.Combine(TestPaths.RepoRoot, "models", model + ".onnx");
        string source = MediaPipePackage.File(model + ".tflite");
        byte[] fresh = TfLiteToOnnxConverter.Convert(
            TfLiteModel.Load(source), Path.GetFileName(source), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source))));
        Assert.True(
            fresh.AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
            $"models/{model}.onnx differs from a fresh conversion of {source}: run `./valgus models fetch` and update models/README.md");
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Conversion_is_deterministic()
    {
        TfLiteModel model = TfLiteModel.Load(MediaPipePackage.File("pose_detection.tflite"));
        Assert.Equal(TfLiteToOnnxConverter.Convert(model), TfLiteToOnnxConverter.Convert(model));
    }

    [Fact]
    public void Converted_model_records_opset_producer_and_source()
    {
        OnnxModelInfo info = OnnxModelInfo.Load(Path.Combine(TestPaths.RepoRoot, "models", "pose_landmark_full.onnx"));
        Assert.Equal(13, info.OpsetVersion);
        Assert.Equal(7, info.IrVersion);
        Assert.Equal(TfLiteToOnnxConverter.ProducerName, info.ProducerName);
        Assert.Equal("pose_landmark_full.tflite", info.Metadata[TfLiteToOnnxConverter.SourceFileKey]);
        Assert.Equal(["input_1 Float [1,256,256,3]"], info.Inputs.Select(i => i.ToString()));
        Assert.Equal("Identity_2 Float [1,256,256,1]", info.Outputs[2].ToString());
    }

    [Fact]
    public void Unsupported_op_is_refused_naming_the_op_and_its_output()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 2]);
        int y = m.Tensor("Identity", [1, 2]);
        m.Op(Op.MUL, [x, x], [y]);
        m.Graph([x], [y]);

        var e = Assert.Throws<ModelConversionException>(() => TfLiteToOnnxConverter.Convert(m.Parse("mul.tflite")));
        Assert.Equal("mul.tflite: operator 0 (MUL) is not supported by the converter (output tensor 'Identity')", e.Message);
    }

    [Fact]
    public void Int8_quantized_tensor_is_refused_naming_the_tensor()
    {
        var m = new TfLiteTestModel();
        var quantization = FlatBufferBuilder.T((2, FlatBufferBuilder.Floats(0.5f)), (3, FlatBufferBuilder.Longs(0)));
        int x = m.Tensor("input_1", [1, 2]);
        int q = m.Tensor("weights_q", [2], TfLiteTensorType.INT8, quantization, data: [1, 2]);
        int y = m.Tensor("Identity", [1, 2]);
        m.Op(Op.ADD, [x, q], [y], AddOptions(TfLiteActivation.NONE));
        m.Graph([x], [y]);

        var e = Assert.Throws<ModelConversionException>(() => TfLiteToOnnxConverter.Convert(m.Parse("int8.tflite")));
        Assert.Equal("int8.tflite: tensor 'weights_q' (INT8) is quantized; quantized models are not supported", e.Message);
    }

    [Fact]
    public void Failed_conversion_leaves_no_file_and_keeps_an_existing_one()
    {
        string folder = Directory.CreateTempSubdirectory("convert-test.").FullName;
        try
        {
            var m = new TfLiteTestModel();
            int x = m.Tensor("input_1", [1, 2]);
            int y = m.Tensor("Identity", [1, 2]);
            m.Op(Op.MUL, [x, x], [y]);
            m.Graph([x], [y]);
            string input = Path.Combine(folder, "mul.tflite");
            File.WriteAllBytes(input, m.Build());

            string fresh = Path.Combine(folder, "new.onnx");
            Assert.Throws<ModelConversionException>(() => TfLiteToOnnxConverter.ConvertFile(input, fresh));
            Assert.Equal([input], Directory.GetFiles(folder));

            string existing = Path.Combine(folder, "old.onnx");
            File.WriteAllText(existing, "previous");
            string garbage = Path.Combine(folder, "garbage.tflite");
            File.WriteAllText(garbage, "definitely not a flatbuffer");
            var e = Assert.Throws<InvalidDataException>(() => TfLiteToOnnxConverter.ConvertFile(garbage, existing));
            Assert.StartsWith(garbage + ": ", e.Message, StringComparison.Ordinal);
            Assert.Equal("previous", File.ReadAllText(existing));
            Assert.Equal(3, Directory.GetFiles(folder).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Successful_conversion_writes_a_readable_model()
    {
        string folder = Directory.CreateTempSubdirectory("convert-test.").FullName;
        try
        {
            string output = Path.Combine(folder, "lite.onnx");
            TfLiteToOnnxConverter.ConvertFile(MediaPipePackage.File("pose_landmark_lite.tflite"), output);
            Assert.Equal(5, OnnxModelInfo.Load(output).Outputs.Count);
            Assert.Equal([output], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
