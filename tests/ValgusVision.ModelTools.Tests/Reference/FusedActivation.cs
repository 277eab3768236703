namespace ValgusVision.ModelTools.Tests.Reference;

/// <summary>TFLite's ActivationFunctionType values (schema order) that these models can use.</summary>
public enum FusedActivation
{
    None = 0,
    Relu = 1,
    ReluN1To1 = 2,
    Relu6 = 3,
}

public static class FusedActivationExtensions
{
    /// <summary>Clamps as TFLite's ActivationFunctionWithMinMax does: RELU [0,∞), RELU_N1_TO_1 [−1,1], RELU6 [0,6].</summary>
    public static double Apply(this FusedActivation activation, double x) => activation switch
    {
        FusedActivation.None => x,
        FusedActivation.Relu => x < 0 ? 0 : x,
        FusedActivation.ReluN1To1 => x < -1 ? -1 : x > 1 ? 1 : x,
        FusedActivation.Relu6 => x < 0 ? 0 : x > 6 ? 6 : x,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unsupported fused activation"),
    };

    public static void ApplyInPlace(this FusedActivation activation, Span<double> values)
    {
        if (activation == FusedActivation.None)
        {
            return;
        }
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = activation.Apply(values[i]);
        }
    }

    public static FusedActivation FromSchemaValue(int value, string op) => value switch
    {
        0 => FusedActivation.None,
        1 => FusedActivation.Relu,
        2 => FusedActivation.ReluN1To1,
        3 => FusedActivation.Relu6,
        _ => throw new NotSupportedException($"{op}: fused activation {value} (TANH/SIGN_BIT) is not supported by the reference"),
    };
}
