namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// Reads the typed builtin options of an operator. The table is chosen by the op code, so that an op
/// whose options table was left out entirely (all fields at their defaults) still gets typed options
/// with the schema defaults; a table of another union type than the op expects is an error.
/// </summary>
internal static class TfLiteOptionsParser
{
    // BuiltinOptions union values from schema.fbs.
    private const int Conv2D = 1, DepthwiseConv2D = 2, Pool2D = 5, Concatenation = 10, Add = 11,
        ResizeBilinear = 15, Reshape = 17, DepthToSpace = 94;

    public static TfLiteOperatorOptions? Parse(FlatBufferReader r, TfLiteBuiltinOperator op, int unionType, FlatTable? table, string what)
    {
        FlatTable? t = table;
        switch (op)
        {
            case TfLiteBuiltinOperator.CONV_2D:
                Expect(r, unionType, Conv2D, what);
                return new TfLiteConv2DOptions(
                    (TfLitePadding)U8(t, 0), I32(t, 1, 0), I32(t, 2, 0), (TfLiteActivation)U8(t, 3), I32(t, 4, 1), I32(t, 5, 1));
            case TfLiteBuiltinOperator.DEPTHWISE_CONV_2D:
                Expect(r, unionType, DepthwiseConv2D, what);
                return new TfLiteDepthwiseConv2DOptions(
                    (TfLitePadding)U8(t, 0), I32(t, 1, 0), I32(t, 2, 0), I32(t, 3, 0), (TfLiteActivation)U8(t, 4), I32(t, 5, 1), I32(t, 6, 1));
            case TfLiteBuiltinOperator.MAX_POOL_2D:
            case TfLiteBuiltinOperator.AVERAGE_POOL_2D:
            case TfLiteBuiltinOperator.L2_POOL_2D:
                Expect(r, unionType, Pool2D, what);
                return new TfLitePool2DOptions(
                    (TfLitePadding)U8(t, 0), I32(t, 1, 0), I32(t, 2, 0), I32(t, 3, 0), I32(t, 4, 0), (TfLiteActivation)U8(t, 5));
            case TfLiteBuiltinOperator.ADD:
                Expect(r, unionType, Add, what);
                return new TfLiteAddOptions((TfLiteActivation)U8(t, 0));
            case TfLiteBuiltinOperator.CONCATENATION:
                Expect(r, unionType, Concatenation, what);
                return new TfLiteConcatenationOptions(I32(t, 0, 0), (TfLiteActivation)U8(t, 1));
            case TfLiteBuiltinOperator.RESIZE_BILINEAR:
                Expect(r, unionType, ResizeBilinear, what);
                return new TfLiteResizeBilinearOptions(U8(t, 2) != 0, U8(t, 3) != 0);
            case TfLiteBuiltinOperator.DEPTH_TO_SPACE:
                Expect(r, unionType, DepthToSpace, what);
                return new TfLiteDepthToSpaceOptions(I32(t, 0, 0));
            case TfLiteBuiltinOperator.RESHAPE:
                Expect(r, unionType, Reshape, what);
                return new TfLiteReshapeOptions(t?.Int32Vector(0, $"{what} new_shape"));
            default:
                return unionType == 0 ? null : new TfLiteEmptyOptions(unionType);
        }
    }

    private static void Expect(FlatBufferReader r, int unionType, int expected, string what)
    {
        if (unionType != 0 && unionType != expected)
        {
            throw r.Error($"{what} has options of union type {unionType}, expected {expected}");
        }
    }

    private static byte U8(FlatTable? t, int field) => t is { } table ? table.UInt8(field) : (byte)0;

    private static int I32(FlatTable? t, int field, int defaultValue) => t is { } table ? table.Int32(field, defaultValue) : defaultValue;
}
