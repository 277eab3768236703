namespace ValgusVision.ModelTools.Onnx;

/// <summary>One node of an ONNX graph (onnx.proto <c>NodeProto</c>); an empty input name means "optional input left out".</summary>
public sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes);
