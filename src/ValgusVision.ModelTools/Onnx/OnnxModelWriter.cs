namespace ValgusVision.ModelTools.Onnx;

/// <summary>
/// Serializes an <see cref="OnnxGraph"/> as an ONNX <c>ModelProto</c> (field numbers from onnx.proto).
/// Everything is written in a fixed order with no time stamps, so equal graphs give equal bytes.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>IR version 7 is the one that goes with opset 13.</summary>
    public const long IrVersion = 7;

    public const long Opset = 13;

    /// <summary>Encodes the model. <paramref name="metadata"/> becomes <c>metadata_props</c>, in the order given.</summary>
    public static byte[] Serialize(
        OnnxGraph graph,
        string producerName,
        string producerVersion,
        IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(metadata);
        var model = new ProtoWriter();
        model.Int64(1, IrVersion);
        model.String(2, producerName);
        model.String(3, producerVersion);
        model.Message(7, Graph(graph));
        var opset = new ProtoWriter();
        opset.String(1, string.Empty);
        opset.Int64(2, Opset);
        model.Message(8, opset);
        foreach (KeyValuePair<string, string> entry in metadata)
        {
            var prop = new ProtoWriter();
            prop.String(1, entry.Key);
            prop.String(2, entry.Value);
            model.Message(14, prop);
        }

        return model.ToArray();
    }

    private static ProtoWriter Graph(OnnxGraph graph)
    {
        var g = new ProtoWriter();
        foreach (OnnxNode node in graph.Nodes)
        {
            g.Message(1, Node(node));
        }

        g.String(2, graph.Name);
        foreach (OnnxTensor tensor in graph.Initializers)
        {
            g.Message(5, Tensor(tensor));
        }

        foreach (OnnxValueInfo input in graph.Inputs)
        {
            g.Message(11, ValueInfo(input));
        }

        foreach (OnnxValueInfo output in graph.Outputs)
        {
            g.Message(12, ValueInfo(output));
        }

        return g;
    }

    private static ProtoWriter Node(OnnxNode node)
    {
        var n = new ProtoWriter();
        foreach (string input in node.Inputs)
        {
            n.String(1, input);
        }

        foreach (string output in node.Outputs)
        {
            n.String(2, output);
        }

        n.String(3, node.Name);
        n.String(4, node.OpType);
        foreach (OnnxAttribute attribute in node.Attributes)
        {
            n.Message(5, Attribute(attribute));
        }

        return n;
    }

    private static ProtoWriter Attribute(OnnxAttribute a)
    {
        var w = new ProtoWriter();
        w.String(1, a.Name);
        switch (a.Kind)
        {
            case OnnxAttributeKind.Float:
                w.Float(2, a.FloatValue);
                break;
            case OnnxAttributeKind.Int:
                w.Int64(3, a.IntValue);
                break;
            case OnnxAttributeKind.String:
                w.String(4, a.StringValue);
                break;
            case OnnxAttributeKind.Ints:
                // Repeated ints are written unpacked, one tag each, which every ONNX parser accepts.
                foreach (long v in a.IntsValue)
                {
                    w.Int64(8, v);
                }

                break;
            default:
                throw new InvalidOperationException($"attribute '{a.Name}' has unsupported kind {a.Kind}");
        }

        w.Int32(20, (int)a.Kind);
        return w;
    }

    private static ProtoWriter Tensor(OnnxTensor t)
    {
        var w = new ProtoWriter();
        foreach (long d in t.Dims)
        {
            w.Int64(1, d);
        }

        w.Int32(2, (int)t.DataType);
        w.String(8, t.Name);
        w.Bytes(9, t.RawData);
        return w;
    }

    private static ProtoWriter ValueInfo(OnnxValueInfo v)
    {
        var shape = new ProtoWriter();
        foreach (long d in v.Shape)
        {
            var dim = new ProtoWriter();
            dim.Int64(1, d);
            shape.Message(1, dim);
        }

        var tensorType = new ProtoWriter();
        tensorType.Int32(1, (int)v.ElementType);
        tensorType.Message(2, shape);
        var type = new ProtoWriter();
        type.Message(1, tensorType);
        var w = new ProtoWriter();
        w.String(1, v.Name);
        w.Message(2, type);
        return w;
    }
}
