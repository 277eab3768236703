namespace ValgusVision.ModelTools.TfLite;

/// <summary>Element type of a TFLite tensor (schema enum <c>TensorType</c>, values as stored in the file).</summary>
public enum TfLiteTensorType : byte
{
    FLOAT32 = 0,
    FLOAT16 = 1,
    INT32 = 2,
    UINT8 = 3,
    INT64 = 4,
    STRING = 5,
    BOOL = 6,
    INT16 = 7,
    COMPLEX64 = 8,
    INT8 = 9,
    FLOAT64 = 10,
    COMPLEX128 = 11,
    UINT64 = 12,
    RESOURCE = 13,
    VARIANT = 14,
    UINT32 = 15,
    UINT16 = 16,
    INT4 = 17,
    BFLOAT16 = 18,
}
