namespace ValgusVision.ModelTools.Onnx;

/// <summary>A node attribute (onnx.proto <c>AttributeProto</c>): exactly one of int, float, string or ints.</summary>
public sealed record OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public OnnxAttributeKind Kind { get; }

    public long IntValue { get; private init; }

    public float FloatValue { get; private init; }

    public string StringValue { get; private init; } = string.Empty;

    public long[] IntsValue { get; private init; } = [];

    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int) { IntValue = value };

    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeKind.Float) { FloatValue = value };

    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeKind.String) { StringValue = value };

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, OnnxAttributeKind.Ints) { IntsValue = values };
}

/// <summary>The attribute kinds we write, numbered as onnx.proto's <c>AttributeProto.AttributeType</c>.</summary>
public enum OnnxAttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Ints = 7,
}
