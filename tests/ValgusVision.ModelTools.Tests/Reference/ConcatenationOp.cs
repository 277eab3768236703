namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite CONCATENATION: joins the inputs along one axis (negative counts from the end), every other
/// dimension equal, then the fused activation.
/// </summary>
public static class ConcatenationOp
{
    public static ReferenceTensor Run(IReadOnlyList<ReferenceTensor> inputs, int axis, FusedActivation activation)
    {
        const string op = "CONCATENATION";
        if (inputs.Count == 0)
        {
            throw new ArgumentException($"{op}: no inputs");
        }
        int rank = inputs[0].Rank;
        if (axis < 0)
        {
            axis += rank;
        }
        if (axis < 0 || axis >= rank)
        {
            throw new ArgumentException($"{op}: axis out of range for rank {rank}");
        }
        var outShape = (int[])inputs[0].Shape.Clone();
        outShape[axis] = 0;
        foreach (var t in inputs)
        {
            t.RequireFloat32(op, "input");
            for (int d = 0; d < rank; d++)
            {
                if (t.Rank != rank || (d != axis && t.Shape[d] != inputs[0].Shape[d]))
                {
                    throw new ArgumentException($"{op}: input {t.ShapeText} does not match {inputs[0].ShapeText} off axis {axis}");
                }
            }
            outShape[axis] += t.Shape[axis];
        }
        long outer = 1;
        for (int d = 0; d < axis; d++)
        {
            outer *= outShape[d];
        }
        long innerPerUnit = ReferenceTensor.ElementCount(outShape) / Math.Max(1, outer * outShape[axis]);
        var output = ReferenceTensor.Zeros(outShape);
        int outOffset = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (var t in inputs)
            {
                int run = (int)(t.Shape[axis] * innerPerUnit);
                Array.Copy(t.Data, o * run, output.Data, outOffset, run);
                outOffset += run;
            }
        }
        activation.ApplyInPlace(output.Data);
        return output;
    }
}
