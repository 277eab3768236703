namespace ValgusVision.ModelTools.TfLite;

/// <summary>Padding scheme of convolutions and pools (schema enum <c>Padding</c>); SAME is the default 0.</summary>
public enum TfLitePadding : byte
{
    SAME = 0,
    VALID = 1,
}
