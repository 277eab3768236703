namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>TFLite RESHAPE: same values in the same (row-major, NHWC) order under a new shape; one −1 is inferred.</summary>
public static class ReshapeOp
{
    public static ReferenceTensor Run(ReferenceTensor input, IReadOnlyList<int> newShape)
    {
        const string op = "RESHAPE";
        var shape = new int[newShape.Count];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = newShape[i];
            if (shape[i] == -1)
            {
                if (inferred >= 0)
                {
                    throw new ArgumentException($"{op}: new shape [{string.Join(",", newShape)}] has more than one −1");
                }
                inferred = i;
            }
            else
            {
                known *= shape[i];
            }
        }
        if (inferred >= 0)
        {
            if (known == 0 || input.Data.Length % known != 0)
            {
                throw new ArgumentException($"{op}: cannot infer [{string.Join(",", newShape)}] from input {input.ShapeText}");
            }
            shape[inferred] = (int)(input.Data.Length / known);
        }
        if (ReferenceTensor.ElementCount(shape) != input.Data.Length)
        {
            throw new ArgumentException($"{op}: new shape [{string.Join(",", newShape)}] does not hold the {input.Data.Length} elements of {input.ShapeText}");
        }
        // Ops never write into their inputs, so the reshaped tensor can share the values.
        return new ReferenceTensor(shape, input.Data, input.ElementType);
    }
}
