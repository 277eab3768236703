namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>TFLite LOGISTIC: σ(x) = 1 / (1 + e^−x), element-wise.</summary>
public static class LogisticOp
{
    public static ReferenceTensor Run(ReferenceTensor input)
    {
        input.RequireFloat32("LOGISTIC", "input");
        var output = new double[input.Data.Length];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = 1.0 / (1.0 + Math.Exp(-input.Data[i]));
        }
        return new ReferenceTensor((int[])input.Shape.Clone(), output);
    }
}
