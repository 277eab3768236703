namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>TFLite ADD on two FLOAT32 tensors of the same shape (all these models use), then the fused activation.</summary>
public static class AddOp
{
    public static ReferenceTensor Run(ReferenceTensor a, ReferenceTensor b, FusedActivation activation)
    {
        const string op = "ADD";
        a.RequireFloat32(op, "first operand");
        b.RequireFloat32(op, "second operand");
        if (!a.Shape.AsSpan().SequenceEqual(b.Shape))
        {
            throw new NotSupportedException($"{op}: broadcasting {a.ShapeText} + {b.ShapeText} is not supported by the reference");
        }
        var output = new double[a.Data.Length];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = activation.Apply(a.Data[i] + b.Data[i]);
        }
        return new ReferenceTensor((int[])a.Shape.Clone(), output);
    }
}
