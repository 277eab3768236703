namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite PAD: paddings is an INT32 [rank,2] tensor of (before, after) per axis, any axis (the heavy model
/// pads channels); the new elements are 0.
/// </summary>
public static class PadOp
{
    public static ReferenceTensor Run(ReferenceTensor input, ReferenceTensor paddings)
    {
        const string op = "PAD";
        int rank = input.Rank;
        if (paddings.Rank != 2 || paddings.Shape[0] != rank || paddings.Shape[1] != 2)
        {
            throw new ArgumentException($"{op}: paddings {paddings.ShapeText} must be [{rank},2] for input {input.ShapeText}");
        }
        var before = new int[rank];
        var outShape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            before[d] = checked((int)paddings.Data[2 * d]);
            int after = checked((int)paddings.Data[2 * d + 1]);
            if (before[d] < 0 || after < 0)
            {
                throw new ArgumentException($"{op}: negative padding on axis {d} of input {input.ShapeText}");
            }
            outShape[d] = input.Shape[d] + before[d] + after;
        }
        var output = ReferenceTensor.Zeros(outShape);
        if (input.Data.Length == 0)
        {
            return output;
        }
        // Copy the input one innermost run at a time to where it lands inside the padded tensor.
        int inner = input.Shape[rank - 1];
        var index = new int[rank];
        for (int start = 0; start < input.Data.Length; start += inner)
        {
            int outOffset = 0;
            for (int d = 0; d < rank; d++)
            {
                outOffset = outOffset * outShape[d] + index[d] + before[d];
            }
            Array.Copy(input.Data, start, output.Data, outOffset, inner);
            for (int d = rank - 2; d >= 0; d--)
            {
                if (++index[d] < input.Shape[d])
                {
                    break;
                }
                index[d] = 0;
            }
        }
        return output;
    }
}
