namespace ValgusVision.ModelTools.Onnx;

/// <summary>A graph input or output: its name, element type and fixed shape.</summary>
public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, long[] Shape)
{
    public override string ToString() => $"{Name} {ElementType} [{string.Join(',', Shape)}]";
}
