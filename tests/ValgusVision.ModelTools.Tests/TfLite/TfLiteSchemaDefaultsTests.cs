using ValgusVision.ModelTools.TfLite;
using static ValgusVision.ModelTools.Tests.TfLite.FlatBufferBuilder;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>Fields left out of a FlatBuffer read as their schema defaults; op codes resolve as TFLite resolves them.</summary>
public sealed class TfLiteSchemaDefaultsTests
{
    [Fact]
    public void Op_code_with_no_fields_is_add()
    {
        var m = new TfLiteTestModel { OmitAddCode = true };
        int x = m.Tensor("x", [2]);
        int y = m.Tensor("y", [2]);
        m.Op(TfLiteBuiltinOperator.ADD, [x, x], [y]);
        m.Graph([x], [y]);

        TfLiteOperator op = Assert.Single(m.Parse().Subgraph.Operators);
        Assert.Equal(TfLiteBuiltinOperator.ADD, op.Op);
        Assert.Equal(new TfLiteAddOptions(TfLiteActivation.NONE), op.Options);
    }

    [Fact]
    public void Codes_above_127_come_from_builtin_code_not_the_deprecated_byte()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("x", [2]);
        int y = m.Tensor("y", [2]);
        m.Op(TfLiteBuiltinOperator.CUMSUM, [x], [y]);
        m.Graph([x], [y]);

        Assert.Equal(TfLiteBuiltinOperator.CUMSUM, Assert.Single(m.Parse().Subgraph.Operators).Op);
    }

    [Fact]
    public void Absent_conv_options_are_same_padding_no_activation_and_dilation_1()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("x", [1, 4, 4, 1]);
        int w = m.Float32("w", [1, 1, 1, 1], 1);
        int y = m.Tensor("y", [1, 4, 4, 1]);
        m.Op(TfLiteBuiltinOperator.CONV_2D, [x, w, -1], [y], 1, T((1, I32(1)), (2, I32(1))));
        m.Graph([x], [y]);

        TfLiteOperator op = Assert.Single(m.Parse().Subgraph.Operators);
        Assert.Equal(new TfLiteConv2DOptions(TfLitePadding.SAME, 1, 1, TfLiteActivation.NONE, 1, 1), op.Options);
        Assert.Equal([0, 1, -1], op.Inputs);
    }

    [Fact]
    public void Absent_tensor_type_is_float32_and_absent_buffer_means_no_data()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("x", [3]);
        m.Graph([x], [x]);
        TfLiteTensor t = Assert.Single(m.Parse().Subgraph.Tensors);
        Assert.Equal(TfLiteTensorType.FLOAT32, t.Type);
        Assert.False(t.HasData);
        Assert.Null(t.Sparsity);
        Assert.False(t.IsQuantized);
    }

    [Fact]
    public void Options_of_the_wrong_union_type_are_an_error_naming_the_file()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("x", [1, 4, 4, 1]);
        int y = m.Tensor("y", [1, 4, 4, 1]);
        m.Op(TfLiteBuiltinOperator.MAX_POOL_2D, [x], [y], 1, T((1, I32(1))));
        m.Graph([x], [y]);

        var e = Assert.Throws<InvalidDataException>(() => m.Parse("wrong.tflite"));
        Assert.StartsWith("wrong.tflite: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("MAX_POOL_2D", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_index_out_of_range_is_an_error_naming_the_operator()
    {
        var m = new TfLiteTestModel();
        int x = m.Tensor("x", [2]);
        m.Op(TfLiteBuiltinOperator.LOGISTIC, [x], [7]);
        m.Graph([x], [x]);

        var e = Assert.Throws<InvalidDataException>(() => m.Parse("bad.tflite"));
        Assert.Equal("bad.tflite: subgraph 0 operator 0 (LOGISTIC) outputs refer to tensor 7, but the subgraph has 1 tensors", e.Message);
    }
}
