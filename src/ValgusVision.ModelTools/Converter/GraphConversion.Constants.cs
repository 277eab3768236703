using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Converter;

/// <summary>Ops that only transform constant weights: folded at conversion time, nothing is emitted.</summary>
internal sealed partial class GraphConversion
{
    /// <summary>DEQUANTIZE of FLOAT16 weights: widening to float32 is exact, so the result is a float32 constant.</summary>
    private void Dequantize(TfLiteOperator op)
    {
        int input = op.Inputs[0];
        TfLiteTensor t = Tensor(input);
        if (_constants.TryGetValue(input, out float[]? densified))
        {
            _constants[op.Outputs[0]] = densified;
            return;
        }

        if (!t.HasData || t.Sparsity is not null)
        {
            throw Fail(op, $"input '{t.Name}' ({t.Type}) is not a constant; only DEQUANTIZE of constant FLOAT16 weights is supported");
        }

        if (t.Type is not (TfLiteTensorType.FLOAT16 or TfLiteTensorType.FLOAT32))
        {
            throw Fail(op, $"input '{t.Name}' is {t.Type}; only FLOAT16 weights are supported");
        }

        _constants[op.Outputs[0]] = t.ToFloatArray();
    }

    /// <summary>DENSIFY of sparse constant weights: expanded now, so the model never sees a sparse tensor.</summary>
    private void Densify(TfLiteOperator op)
    {
        TfLiteTensor t = Tensor(op.Inputs[0]);
        if (!t.HasData || t.Sparsity is null)
        {
            throw Fail(op, $"input '{t.Name}' is not a sparse constant");
        }

        _constants[op.Outputs[0]] = SparseTensorDensifier.Densify(t, _model);
    }
}
