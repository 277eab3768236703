namespace ValgusVision.ModelTools.TfLite;

/// <summary>Fused activation after an op (schema enum <c>ActivationFunctionType</c>); NONE is the default 0.</summary>
public enum TfLiteActivation : byte
{
    NONE = 0,
    RELU = 1,
    RELU_N1_TO_1 = 2,
    RELU6 = 3,
    TANH = 4,
    SIGN_BIT = 5,
}
