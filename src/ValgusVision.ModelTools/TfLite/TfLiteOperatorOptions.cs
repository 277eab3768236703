namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// Typed builtin options of an operator (the schema's <c>BuiltinOptions</c> union). Only the option
/// tables the BlazePose files use are typed; fields left out of a file read as their schema defaults.
/// </summary>
public abstract record TfLiteOperatorOptions;

/// <summary><c>Conv2DOptions</c>. Dilation factors default to 1, as in the schema.</summary>
public sealed record TfLiteConv2DOptions(
    TfLitePadding Padding,
    int StrideWidth,
    int StrideHeight,
    TfLiteActivation Activation,
    int DilationWidth,
    int DilationHeight) : TfLiteOperatorOptions;

/// <summary><c>DepthwiseConv2DOptions</c>. Dilation factors default to 1, as in the schema.</summary>
public sealed record TfLiteDepthwiseConv2DOptions(
    TfLitePadding Padding,
    int StrideWidth,
    int StrideHeight,
    int DepthMultiplier,
    TfLiteActivation Activation,
    int DilationWidth,
    int DilationHeight) : TfLiteOperatorOptions;

/// <summary><c>Pool2DOptions</c> (MAX_POOL_2D, AVERAGE_POOL_2D).</summary>
public sealed record TfLitePool2DOptions(
    TfLitePadding Padding,
    int StrideWidth,
    int StrideHeight,
    int FilterWidth,
    int FilterHeight,
    TfLiteActivation Activation) : TfLiteOperatorOptions;

/// <summary><c>AddOptions</c>.</summary>
public sealed record TfLiteAddOptions(TfLiteActivation Activation) : TfLiteOperatorOptions;

/// <summary><c>ConcatenationOptions</c>: the axis may be negative (counted from the end).</summary>
public sealed record TfLiteConcatenationOptions(int Axis, TfLiteActivation Activation) : TfLiteOperatorOptions;

/// <summary><c>ResizeBilinearOptions</c>; the output size comes from the op's second input.</summary>
public sealed record TfLiteResizeBilinearOptions(bool AlignCorners, bool HalfPixelCenters) : TfLiteOperatorOptions;

/// <summary><c>DepthToSpaceOptions</c>.</summary>
public sealed record TfLiteDepthToSpaceOptions(int BlockSize) : TfLiteOperatorOptions;

/// <summary><c>ReshapeOptions</c>; <see cref="NewShape"/> is null when the shape comes only from the second input.</summary>
public sealed record TfLiteReshapeOptions(int[]? NewShape) : TfLiteOperatorOptions;

/// <summary>An options table that carries no fields (PadOptions, DequantizeOptions, DensifyOptions, …).</summary>
public sealed record TfLiteEmptyOptions(int UnionType) : TfLiteOperatorOptions;
