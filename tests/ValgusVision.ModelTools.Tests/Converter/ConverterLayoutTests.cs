using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.Onnx;
using ValgusVision.ModelTools.TfLite;
using ValgusVision.ModelTools.Tests.Reference;
using ValgusVision.ModelTools.Tests.TfLite;
using static ValgusVision.ModelTools.Tests.TfLite.TfLiteTestModel;
using Op = ValgusVision.ModelTools.TfLite.TfLiteBuiltinOperator;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>
/// The graph shapes the converter chooses so ONNX Runtime keeps its blocked convolution layout (folded PADs, the
/// first convolution reading the NHWC input in place, ADD+RELU6 through an identity convolution, one-channel
/// convolutions split per channel): each must compute what TFLite computes (by hand or against the reference
/// interpreter), and the graph must have the shape that was the point of it.
/// </summary>
public sealed class ConverterLayoutTests
{
    [Fact]
    public void A_zero_pad_read_only_by_a_convolution_becomes_its_padding()
    {
        // 1..9 padded by one pixel all round, 3×3 kernel of ones, VALID: each output is the sum of its 3×3
        // neighbourhood with zeros outside.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 3, 3, 1]);
        int pads = m.Int32("pads", [4, 2], 0, 0, 1, 1, 1, 1, 0, 0);
        int p = m.Tensor("padded", [1, 5, 5, 1]);
        int w = m.HalfWeight("w", [1, 3, 3, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1]);
        int b = m.Float32("b", [1], 0);
        int y = m.Tensor("Identity", [1, 3, 3, 1]);
        m.Op(Op.PAD, [x, pads], [p]);
        m.Op(Op.CONV_2D, [p, w, b], [y], Conv(TfLitePadding.VALID, 1));
        m.Graph([x], [y]);

        byte[] onnx = TfLiteToOnnxConverter.Convert(m.Parse());
        Assert.DoesNotContain("Pad", OnnxNodes.OpTypes(onnx));
        Assert.Equal([12f, 21f, 16f, 27f, 45f, 33f, 24f, 39f, 28f], OnnxRun.Run(onnx, "input_1", OnnxRun.Sequence(9), [1, 3, 3, 1])["Identity"].Data);
    }

    [Fact]
    public void A_pad_before_a_max_pool_stays_a_pad_because_padded_zeros_can_win()
    {
        // −1..−9 with a zero row on top and a zero column on the left: three 2×2 windows hold a padded zero,
        // which beats every negative value; MaxPool's own padding would be ignored instead.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 3, 3, 1]);
        int pads = m.Int32("pads", [4, 2], 0, 0, 1, 0, 1, 0, 0, 0);
        int p = m.Tensor("padded", [1, 4, 4, 1]);
        int y = m.Tensor("Identity", [1, 2, 2, 1]);
        m.Op(Op.PAD, [x, pads], [p]);
        m.Op(Op.MAX_POOL_2D, [p], [y], Pool(TfLitePadding.VALID, 2, 2));
        m.Graph([x], [y]);

        byte[] onnx = TfLiteToOnnxConverter.Convert(m.Parse());
        Assert.Contains("Pad", OnnxNodes.OpTypes(onnx));
        Assert.Equal([0f, 0f, 0f, -5f], OnnxRun.Run(onnx, "input_1", OnnxRun.Sequence(9).Select(v => -v).ToArray(), [1, 3, 3, 1])["Identity"].Data);
    }

    [Fact]
    public void The_first_convolution_reads_the_nhwc_input_without_a_transpose()
    {
        // BlazePose's stem: PAD by one pixel, 3×3 stride-2 VALID convolution of 3 channels into 16, RELU6.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 8, 8, 3]);
        int pads = m.Int32("pads", [4, 2], 0, 0, 1, 1, 1, 1, 0, 0);
        int p = m.Tensor("padded", [1, 10, 10, 3]);
        int w = m.HalfWeight("w", [16, 3, 3, 3], Pattern(16 * 27, 0.37f));
        int b = m.Float32("b", [16], Pattern(16, 0.11f));
        int y = m.Tensor("Identity", [1, 4, 4, 16]);
        m.Op(Op.PAD, [x, pads], [p]);
        m.Op(Op.CONV_2D, [p, w, b], [y], Conv(TfLitePadding.VALID, 2, TfLiteActivation.RELU6));
        m.Graph([x], [y]);

        byte[] onnx = AgreesWithReference(m, [1, 8, 8, 3]);
        Assert.DoesNotContain("Transpose", OnnxNodes.OpTypes(onnx).Take(2));
        Assert.DoesNotContain("Pad", OnnxNodes.OpTypes(onnx));
    }

    [Fact]
    public void Add_with_relu6_of_two_convolutions_passes_an_identity_convolution_before_the_clip()
    {
        // A residual block on 16 channels (ONNX Runtime's blocked layout applies): RELU6(conv(x) + conv'(x)).
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 4, 4, 16]);
        int w1 = m.HalfWeight("w1", [16, 1, 1, 16], Pattern(256, 0.53f));
        int w2 = m.HalfWeight("w2", [16, 1, 1, 16], Pattern(256, 0.29f));
        int b = m.Float32("b", [16], Pattern(16, 1.7f));
        int c1 = m.Tensor("c1", [1, 4, 4, 16]);
        int c2 = m.Tensor("c2", [1, 4, 4, 16]);
        int y = m.Tensor("Identity", [1, 4, 4, 16]);
        m.Op(Op.CONV_2D, [x, w1, b], [c1], Conv(TfLitePadding.SAME, 1));
        m.Op(Op.CONV_2D, [x, w2, b], [c2], Conv(TfLitePadding.SAME, 1));
        m.Op(Op.ADD, [c1, c2], [y], AddOptions(TfLiteActivation.RELU6));
        m.Graph([x], [y]);

        byte[] onnx = AgreesWithReference(m, [1, 4, 4, 16], scale: 3);
        string[] ops = OnnxNodes.OpTypes(onnx);
        int add = Array.IndexOf(ops, "Add");
        Assert.Equal(["Add", "Conv", "Clip"], ops[add..(add + 3)]);
    }

    [Fact]
    public void A_one_channel_convolution_is_split_into_per_channel_sums()
    {
        // The segmentation head's last layer: 3×3 SAME over 8 channels into 1.
        var m = new TfLiteTestModel();
        int x = m.Tensor("input_1", [1, 6, 6, 8]);
        int w = m.HalfWeight("w", [1, 3, 3, 8], Pattern(72, 0.41f));
        int b = m.Float32("b", [1], -0.25f);
        int y = m.Tensor("Identity", [1, 6, 6, 1]);
        m.Op(Op.CONV_2D, [x, w, b], [y], Conv(TfLitePadding.SAME, 1));
        m.Graph([x], [y]);

        byte[] onnx = AgreesWithReference(m, [1, 6, 6, 8]);
        Assert.Equal(2, OnnxNodes.OpTypes(onnx).Count(op => op == "Conv"));
    }

    /// <summary>Converts, runs with ONNX Runtime and checks every output value against the reference interpreter.</summary>
    private static byte[] AgreesWithReference(TfLiteTestModel m, int[] inputShape, float scale = 1)
    {
        var model = m.Parse();
        byte[] onnx = TfLiteToOnnxConverter.Convert(model);
        float[] input = Pattern(inputShape.Aggregate(1, (a, d) => a * d), 0.73f).Select(v => v * scale).ToArray();
        var expected = new ReferenceInterpreter(model).Run(
            new Dictionary<string, ReferenceTensor> { ["input_1"] = new(inputShape, input.Select(v => (double)v).ToArray()) })["Identity"];
        float[] actual = OnnxRun.Run(onnx, "input_1", input, inputShape)["Identity"].Data;
        Assert.Equal(expected.Data.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected.Data[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected.Data[i])), $"output {i}: ONNX {actual[i]}, reference {expected.Data[i]}");
        }

        return onnx;
    }

    /// <summary>Deterministic values in [−1, 1] without structure (a fixed sine sequence).</summary>
    private static float[] Pattern(int count, float phase)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = MathF.Sin((i * 1.618f) + phase);
        }

        return values;
    }
}

/// <summary>The op types of an ONNX model's nodes, in graph order (read with the converter's own protobuf reader).</summary>
internal static class OnnxNodes
{
    public static string[] OpTypes(byte[] onnx)
    {
        var types = new List<string>();
        var model = new ProtoReader(onnx, "test model");
        while (!model.AtEnd)
        {
            (int field, int wire) = model.Tag();
            if (field != 7 || wire != 2)
            {
                model.Skip(wire);
                continue;
            }

            var graph = new ProtoReader(model.LengthDelimited(), "test graph");
            while (!graph.AtEnd)
            {
                (int gf, int gw) = graph.Tag();
                if (gf != 1 || gw != 2)
                {
                    graph.Skip(gw);
                    continue;
                }

                var node = new ProtoReader(graph.LengthDelimited(), "test node");
                while (!node.AtEnd)
                {
                    (int nf, int nw) = node.Tag();
                    if (nf == 4 && nw == 2)
                    {
                        types.Add(node.String());
                    }
                    else
                    {
                        node.Skip(nw);
                    }
                }
            }
        }

        return [.. types];
    }
}
