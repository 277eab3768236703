namespace ValgusVision.ModelTools.TfLite;

/// <summary>Quantization parameters of a tensor (schema table <c>QuantizationParameters</c>).</summary>
public sealed record TfLiteQuantization(float[] Scale, long[] ZeroPoint, int QuantizedDimension)
{
    /// <summary>True when the tensor really is quantized (a scale is present), not just an empty table.</summary>
    public bool IsQuantized => Scale.Length > 0;
}
