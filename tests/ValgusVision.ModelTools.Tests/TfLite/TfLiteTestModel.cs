using System.Buffers.Binary;
using ValgusVision.ModelTools.TfLite;
using static ValgusVision.ModelTools.Tests.TfLite.FlatBufferBuilder;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>
/// Builds tiny TFLite models for tests, laid out as TFLite's converter does (schema.fbs field numbers):
/// tensors, constant buffers, operators with typed options, graph inputs and outputs.
/// </summary>
public sealed class TfLiteTestModel
{
    private readonly List<Table> _tensors = [];
    private readonly List<Table> _buffers = [T()];
    private readonly List<Table> _operators = [];
    private readonly List<int> _opCodes = [];
    private int[] _inputs = [];
    private int[] _outputs = [];

    /// <summary>When true, an ADD op code is written with neither code field present (as TFLite files often do).</summary>
    public bool OmitAddCode { get; init; } = true;

    public int Tensor(string name, int[] shape, TfLiteTensorType type = TfLiteTensorType.FLOAT32, Table? quantization = null, Table? sparsity = null, byte[]? data = null)
    {
        uint buffer = 0;
        if (data is not null)
        {
            _buffers.Add(T((0, new ScalarVector(data, 1))));
            buffer = (uint)(_buffers.Count - 1);
        }

        _tensors.Add(T(
            (0, Ints(shape)),
            (1, type == TfLiteTensorType.FLOAT32 ? null : U8((int)type)),
            (2, buffer == 0 ? null : U32(buffer)),
            (3, new Str(name)),
            (4, quantization),
            (6, sparsity)));
        return _tensors.Count - 1;
    }

    public int Float32(string name, int[] shape, params float[] values)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), values[i]);
        }

        return Tensor(name, shape, TfLiteTensorType.FLOAT32, data: data);
    }

    public int Float16(string name, int[] shape, params float[] values)
    {
        var data = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(2 * i), (Half)values[i]);
        }

        return Tensor(name, shape, TfLiteTensorType.FLOAT16, data: data);
    }

    public int Int32(string name, int[] shape, params int[] values)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4 * i), values[i]);
        }

        return Tensor(name, shape, TfLiteTensorType.INT32, data: data);
    }

    /// <summary>A FLOAT16 weight followed by a DEQUANTIZE to FLOAT32, as the BlazePose files store weights.</summary>
    public int HalfWeight(string name, int[] shape, params float[] values)
    {
        int half = Float16(name + "_fp16", shape, values);
        int full = Tensor(name, shape);
        Op(TfLiteBuiltinOperator.DEQUANTIZE, [half], [full]);
        return full;
    }

    public void Op(TfLiteBuiltinOperator op, int[] inputs, int[] outputs, int optionsType = 0, Table? options = null)
    {
        int code = _opCodes.IndexOf((int)op);
        if (code < 0)
        {
            _opCodes.Add((int)op);
            code = _opCodes.Count - 1;
        }

        _operators.Add(T(
            (0, code == 0 ? null : U32((uint)code)),
            (1, Ints(inputs)),
            (2, Ints(outputs)),
            (3, optionsType == 0 ? null : U8(optionsType)),
            (4, options)));
    }

    public void Graph(int[] inputs, int[] outputs)
    {
        _inputs = inputs;
        _outputs = outputs;
    }

    public byte[] Build()
    {
        var codes = _opCodes.Select(c => c == 0 && OmitAddCode
            ? T()
            : T((0, U8(Math.Min(c, 127))), (3, I32(c)))).ToList();
        Table subgraph = T(
            (0, new TableVector(_tensors)),
            (1, Ints(_inputs)),
            (2, Ints(_outputs)),
            (3, new TableVector(_operators)),
            (4, new Str("main")));
        Table model = T(
            (0, U32(3)),
            (1, new TableVector(codes)),
            (2, new TableVector([subgraph])),
            (3, new Str("test model")),
            (4, new TableVector(_buffers)));
        return Finish(model, "TFL3");
    }

    public TfLiteModel Parse(string name = "test.tflite") => TfLiteModel.Parse(Build(), name);

    // Option tables (BuiltinOptions union value, fields as in schema.fbs).
    public static (int Type, Table Options) Conv(TfLitePadding padding, int stride, TfLiteActivation activation = TfLiteActivation.NONE)
        => (1, T((0, U8((int)padding)), (1, I32(stride)), (2, I32(stride)), (3, U8((int)activation))));

    public static (int Type, Table Options) Depthwise(TfLitePadding padding, int stride, TfLiteActivation activation = TfLiteActivation.NONE)
        => (2, T((0, U8((int)padding)), (1, I32(stride)), (2, I32(stride)), (3, I32(1)), (4, U8((int)activation))));

    public static (int Type, Table Options) Pool(TfLitePadding padding, int stride, int filter)
        => (5, T((0, U8((int)padding)), (1, I32(stride)), (2, I32(stride)), (3, I32(filter)), (4, I32(filter))));

    public static (int Type, Table Options) AddOptions(TfLiteActivation activation)
        => (11, T((0, U8((int)activation))));

    public static (int Type, Table Options) Concat(int axis)
        => (10, T((0, I32(axis))));

    public static (int Type, Table Options) Resize(bool alignCorners, bool halfPixel)
        => (15, T((2, U8(alignCorners ? 1 : 0)), (3, U8(halfPixel ? 1 : 0))));

    public static (int Type, Table Options) DepthToSpace(int block)
        => (94, T((0, I32(block))));

    public static (int Type, Table Options) ReshapeTo(params int[] shape)
        => (17, T((0, Ints(shape))));

    public void Op(TfLiteBuiltinOperator op, int[] inputs, int[] outputs, (int Type, Table Options) options)
        => Op(op, inputs, outputs, options.Type, options.Options);
}
