namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>
/// TFLite DEPTH_TO_SPACE (TensorFlow's order, ONNX "DCR"): input [N,H,W,b·b·C] → [N,H·b,W·b,C] with
/// out[n, y·b + dy, x·b + dx, c] = in[n, y, x, (dy·b + dx)·C + c].
/// </summary>
public static class DepthToSpaceOp
{
    public static ReferenceTensor Run(ReferenceTensor input, int blockSize)
    {
        const string op = "DEPTH_TO_SPACE";
        var (n, h, w, depth) = input.Nhwc(op, "input");
        if (blockSize < 1 || depth % (blockSize * blockSize) != 0)
        {
            throw new ArgumentException($"{op}: block size {blockSize} does not divide the depth of input {input.ShapeText}");
        }
        int c = depth / (blockSize * blockSize);
        var output = new ReferenceTensor(new[] { n, h * blockSize, w * blockSize, c }, new double[input.Data.Length], input.ElementType);
        for (int b = 0; b < n; b++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    for (int dy = 0; dy < blockSize; dy++)
                    {
                        for (int dx = 0; dx < blockSize; dx++)
                        {
                            int inOffset = ((b * h + y) * w + x) * depth + (dy * blockSize + dx) * c;
                            int outOffset = ((b * h * blockSize + y * blockSize + dy) * w * blockSize + x * blockSize + dx) * c;
                            Array.Copy(input.Data, inOffset, output.Data, outOffset, c);
                        }
                    }
                }
            }
        }
        return output;
    }
}
