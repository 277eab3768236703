namespace ValgusVision.ModelTools.Onnx;

/// <summary>
/// The outline of an ONNX model file, read without ONNX Runtime: producer, opset, metadata and the graph's
/// inputs and outputs. Reading walks the whole protobuf, so a truncated or garbage file is caught.
/// </summary>
public sealed record OnnxModelInfo(
    long IrVersion,
    string ProducerName,
    string ProducerVersion,
    long OpsetVersion,
    int NodeCount,
    int InitializerCount,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a valid ONNX model; the message names the file.</exception>
    public static OnnxModelInfo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <exception cref="InvalidDataException">Not a valid ONNX model; the message starts with <paramref name="nameForErrors"/>.</exception>
    public static OnnxModelInfo Parse(ReadOnlySpan<byte> bytes, string nameForErrors)
    {
        var r = new ProtoReader(bytes, nameForErrors);
        long ir = 0, opset = 0;
        string producer = string.Empty, producerVersion = string.Empty;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        GraphOutline? graph = null;
        while (!r.AtEnd)
        {
            (int field, int wire) = r.Tag();
            switch ((field, wire))
            {
                case (1, 0): ir = (long)r.Varint(); break;
                case (2, 2): producer = r.String(); break;
                case (3, 2): producerVersion = r.String(); break;
                case (7, 2): graph = ReadGraph(r.LengthDelimited(), nameForErrors); break;
                case (8, 2): opset = Math.Max(opset, ReadOpset(r.LengthDelimited(), nameForErrors)); break;
                case (14, 2):
                    (string key, string value) = ReadEntry(r.LengthDelimited(), nameForErrors);
                    metadata[key] = value;
                    break;
                default: r.Skip(wire); break;
            }
        }

        if (graph is null || ir == 0)
        {
            throw new InvalidDataException($"{nameForErrors}: not a valid ONNX model (no graph or no IR version)");
        }

        return new OnnxModelInfo(ir, producer, producerVersion, opset, graph.Nodes, graph.Initializers, graph.Inputs, graph.Outputs, metadata);
    }

    private sealed record GraphOutline(int Nodes, int Initializers, List<OnnxValueInfo> Inputs, List<OnnxValueInfo> Outputs);

    private static GraphOutline ReadGraph(ReadOnlySpan<byte> bytes, string name)
    {
        var r = new ProtoReader(bytes, name);
        var g = new GraphOutline(0, 0, [], []);
        int nodes = 0, initializers = 0;
        while (!r.AtEnd)
        {
            (int field, int wire) = r.Tag();
            switch ((field, wire))
            {
                case (1, 2): r.LengthDelimited(); nodes++; break;
                case (5, 2): r.LengthDelimited(); initializers++; break;
                case (11, 2): g.Inputs.Add(ReadValueInfo(r.LengthDelimited(), name)); break;
                case (12, 2): g.Outputs.Add(ReadValueInfo(r.LengthDelimited(), name)); break;
                default: r.Skip(wire); break;
            }
        }

        return g with { Nodes = nodes, Initializers = initializers };
    }

    private static OnnxValueInfo ReadValueInfo(ReadOnlySpan<byte> bytes, string name)
    {
        var r = new ProtoReader(bytes, name);
        string valueName = string.Empty;
        int elementType = 0;
        var dims = new List<long>();
        while (!r.AtEnd)
        {
            (int field, int wire) = r.Tag();
            if (field == 1 && wire == 2)
            {
                valueName = r.String();
            }
            else if (field == 2 && wire == 2)
            {
                // TypeProto.tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1).
                var type = new ProtoReader(r.LengthDelimited(), name);
                while (!type.AtEnd)
                {
                    (int tf, int tw) = type.Tag();
                    if (tf != 1 || tw != 2)
                    {
                        type.Skip(tw);
                        continue;
                    }

                    var tensor = new ProtoReader(type.LengthDelimited(), name);
                    while (!tensor.AtEnd)
                    {
                        (int f, int w) = tensor.Tag();
                        if (f == 1 && w == 0)
                        {
                            elementType = (int)tensor.Varint();
                        }
                        else if (f == 2 && w == 2)
                        {
                            ReadShape(tensor.LengthDelimited(), name, dims);
                        }
                        else
                        {
                            tensor.Skip(w);
                        }
                    }
                }
            }
            else
            {
                r.Skip(wire);
            }
        }

        return new OnnxValueInfo(valueName, (OnnxDataType)elementType, [.. dims]);
    }

    private static void ReadShape(ReadOnlySpan<byte> bytes, string name, List<long> dims)
    {
        var shape = new ProtoReader(bytes, name);
        while (!shape.AtEnd)
        {
            (int f, int w) = shape.Tag();
            if (f != 1 || w != 2)
            {
                shape.Skip(w);
                continue;
            }

            // A symbolic dimension (dim_param) has no value: recorded as -1.
            long value = -1;
            var dim = new ProtoReader(shape.LengthDelimited(), name);
            while (!dim.AtEnd)
            {
                (int df, int dw) = dim.Tag();
                if (df == 1 && dw == 0)
                {
                    value = (long)dim.Varint();
                }
                else
                {
                    dim.Skip(dw);
                }
            }

            dims.Add(value);
        }
    }

    private static long ReadOpset(ReadOnlySpan<byte> bytes, string name)
    {
        var r = new ProtoReader(bytes, name);
        string domain = string.Empty;
        long version = 0;
        while (!r.AtEnd)
        {
            (int field, int wire) = r.Tag();
            if (field == 1 && wire == 2)
            {
                domain = r.String();
            }
            else if (field == 2 && wire == 0)
            {
                version = (long)r.Varint();
            }
            else
            {
                r.Skip(wire);
            }
        }

        // Only the default domain ("" or "ai.onnx") counts as the model's opset.
        return domain is "" or "ai.onnx" ? version : 0;
    }

    private static (string Key, string Value) ReadEntry(ReadOnlySpan<byte> bytes, string name)
    {
        var r = new ProtoReader(bytes, name);
        string key = string.Empty, value = string.Empty;
        while (!r.AtEnd)
        {
            (int field, int wire) = r.Tag();
            if (field == 1 && wire == 2)
            {
                key = r.String();
            }
            else if (field == 2 && wire == 2)
            {
                value = r.String();
            }
            else
            {
                r.Skip(wire);
            }
        }

        return (key, value);
    }
}
