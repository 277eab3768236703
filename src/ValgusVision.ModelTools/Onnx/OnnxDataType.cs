namespace ValgusVision.ModelTools.Onnx;

/// <summary>Element types of ONNX tensors (onnx.proto <c>TensorProto.DataType</c>), the subset we write.</summary>
public enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}
