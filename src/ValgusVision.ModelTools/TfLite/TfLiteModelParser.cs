namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// Turns the FlatBuffer tables of a TFLite file into <see cref="TfLiteModel"/>. Field numbers are those of
/// TFLite's <c>schema.fbs</c> (Model, SubGraph, Tensor, Operator, OperatorCode, Buffer, ...).
/// </summary>
internal static class TfLiteModelParser
{
    // Model fields.
    private const int ModelVersion = 0, ModelOperatorCodes = 1, ModelSubgraphs = 2, ModelDescription = 3, ModelBuffers = 4;

    // SubGraph fields.
    private const int SubgraphTensors = 0, SubgraphInputs = 1, SubgraphOutputs = 2, SubgraphOperators = 3, SubgraphName = 4;

    // Tensor fields.
    private const int TensorShape = 0, TensorType = 1, TensorBuffer = 2, TensorName = 3, TensorQuantization = 4, TensorSparsity = 6;

    // Operator fields.
    private const int OperatorOpcodeIndex = 0, OperatorInputs = 1, OperatorOutputs = 2, OperatorOptionsType = 3, OperatorOptions = 4;

    // OperatorCode fields.
    private const int CodeDeprecatedBuiltin = 0, CodeCustom = 1, CodeBuiltin = 3;

    public static TfLiteModel Parse(FlatBufferReader r)
    {
        if (r.Length < 8)
        {
            throw r.Error($"only {r.Length} bytes; too short to be a TFLite model");
        }

        // Bytes 4..7 hold the file identifier "TFL3"; checking it first turns "some other file" into a clear message.
        if (r.U8(4) != 'T' || r.U8(5) != 'F' || r.U8(6) != 'L' || r.U8(7) != '3')
        {
            throw r.Error("not a TFLite model (the FlatBuffer identifier at bytes 4-7 is not \"TFL3\")");
        }

        FlatTable model = r.Root("the Model table");
        uint version = model.UInt32(ModelVersion);
        string? description = model.String(ModelDescription, "Model.description");
        ReadOnlyMemory<byte>[] buffers = ReadBuffers(r, model);
        (TfLiteBuiltinOperator Op, string? Custom)[] codes = ReadOperatorCodes(model);

        FlatTable[] subgraphTables = model.TableVector(ModelSubgraphs, "Model.subgraphs");
        if (subgraphTables.Length == 0)
        {
            throw r.Error("the model has no subgraph");
        }

        var subgraphs = new TfLiteSubgraph[subgraphTables.Length];
        for (int s = 0; s < subgraphs.Length; s++)
        {
            subgraphs[s] = ReadSubgraph(r, subgraphTables[s], s, buffers, codes);
        }

        return new TfLiteModel(r.Name, version, description, subgraphs);
    }

    private static ReadOnlyMemory<byte>[] ReadBuffers(FlatBufferReader r, FlatTable model)
    {
        FlatTable[] tables = model.TableVector(ModelBuffers, "Model.buffers");
        var buffers = new ReadOnlyMemory<byte>[tables.Length];
        for (int i = 0; i < tables.Length; i++)
        {
            (int Start, int Length)? data = tables[i].ByteVector(0, $"Model.buffers[{i}].data");
            if (data is { } d)
            {
                buffers[i] = new ReadOnlyMemory<byte>(r.Bytes, d.Start, d.Length);
                continue;
            }

            // Files over 2 GB keep buffers after the FlatBuffer, addressed by offset/size from the file start.
            long offset = tables[i].Int64(1);
            long size = tables[i].Int64(2);
            if (offset > 1)
            {
                r.Require(offset, size, $"Model.buffers[{i}] (offset {offset}, size {size})");
                buffers[i] = new ReadOnlyMemory<byte>(r.Bytes, (int)offset, (int)size);
            }
        }

        return buffers;
    }

    private static (TfLiteBuiltinOperator, string?)[] ReadOperatorCodes(FlatTable model)
    {
        FlatTable[] tables = model.TableVector(ModelOperatorCodes, "Model.operator_codes");
        var codes = new (TfLiteBuiltinOperator, string?)[tables.Length];
        for (int i = 0; i < tables.Length; i++)
        {
            // Old files only set the int8 deprecated_builtin_code; new ones set builtin_code and put 127
            // (a placeholder) in the deprecated field for codes over 127. The larger of the two is the code,
            // and an absent field is 0 = ADD, which is why ADD often appears with neither field present.
            int deprecated = (sbyte)tables[i].UInt8(CodeDeprecatedBuiltin);
            int builtin = tables[i].Int32(CodeBuiltin);
            string? custom = tables[i].String(CodeCustom, $"Model.operator_codes[{i}].custom_code");
            codes[i] = ((TfLiteBuiltinOperator)Math.Max(deprecated, builtin), custom);
        }

        return codes;
    }

    private static TfLiteSubgraph ReadSubgraph(
        FlatBufferReader r,
        FlatTable g,
        int s,
        ReadOnlyMemory<byte>[] buffers,
        (TfLiteBuiltinOperator Op, string? Custom)[] codes)
    {
        string where = $"subgraph {s}";
        FlatTable[] tensorTables = g.TableVector(SubgraphTensors, $"{where} tensors");
        var tensors = new TfLiteTensor[tensorTables.Length];
        for (int t = 0; t < tensors.Length; t++)
        {
            tensors[t] = ReadTensor(r, tensorTables[t], t, where, buffers);
        }

        int[] inputs = CheckTensorIndices(r, g.Int32Vector(SubgraphInputs, $"{where} inputs") ?? [], tensors.Length, $"{where} inputs", allowOptional: false);
        int[] outputs = CheckTensorIndices(r, g.Int32Vector(SubgraphOutputs, $"{where} outputs") ?? [], tensors.Length, $"{where} outputs", allowOptional: false);

        FlatTable[] opTables = g.TableVector(SubgraphOperators, $"{where} operators");
        var operators = new TfLiteOperator[opTables.Length];
        for (int o = 0; o < operators.Length; o++)
        {
            operators[o] = ReadOperator(r, opTables[o], o, where, tensors.Length, codes);
        }

        string name = g.String(SubgraphName, $"{where} name") ?? string.Empty;
        return new TfLiteSubgraph(name, tensors, operators, inputs, outputs);
    }

    private static TfLiteTensor ReadTensor(FlatBufferReader r, FlatTable t, int index, string where, ReadOnlyMemory<byte>[] buffers)
    {
        string what = $"{where} tensor {index}";
        int[] shape = t.Int32Vector(TensorShape, $"{what} shape") ?? [];
        var type = (TfLiteTensorType)t.UInt8(TensorType);
        uint bufferIndex = t.UInt32(TensorBuffer);
        if (bufferIndex >= buffers.Length && !(bufferIndex == 0 && buffers.Length == 0))
        {
            throw r.Error($"{what} refers to buffer {bufferIndex}, but the model has only {buffers.Length} buffers");
        }

        ReadOnlyMemory<byte> data = buffers.Length == 0 ? ReadOnlyMemory<byte>.Empty : buffers[bufferIndex];
        string name = t.String(TensorName, $"{what} name") ?? string.Empty;
        TfLiteQuantization? quantization = t.Table(TensorQuantization, $"{what} quantization") is { } q
            ? new TfLiteQuantization(
                q.Float32Vector(2, $"{what} quantization scale") ?? [],
                q.Int64Vector(3, $"{what} quantization zero_point") ?? [],
                q.Int32(6))
            : null;
        TfLiteSparsity? sparsity = t.Table(TensorSparsity, $"{what} sparsity") is { } sp
            ? ReadSparsity(r, sp, $"{what} sparsity")
            : null;
        return new TfLiteTensor(index, name, shape, type, (int)bufferIndex, data, quantization, sparsity);
    }

    private static TfLiteSparsity ReadSparsity(FlatBufferReader r, FlatTable sp, string what)
    {
        int[] traversal = sp.Int32Vector(0, $"{what} traversal_order") ?? [];
        int[] blockMap = sp.Int32Vector(1, $"{what} block_map") ?? [];
        FlatTable[] dims = sp.TableVector(2, $"{what} dim_metadata");
        var metadata = new TfLiteDimensionMetadata[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            string dimWhat = $"{what} dim_metadata[{i}]";
            var format = (TfLiteDimensionType)dims[i].UInt8(0);
            if (format is not (TfLiteDimensionType.DENSE or TfLiteDimensionType.SPARSE_CSR))
            {
                throw r.Error($"{dimWhat} has unknown format {(int)format}");
            }

            int denseSize = dims[i].Int32(1);
            int[]? segments = ReadIndexVector(r, dims[i], 2, 3, $"{dimWhat} array_segments");
            int[]? indices = ReadIndexVector(r, dims[i], 4, 5, $"{dimWhat} array_indices");
            metadata[i] = new TfLiteDimensionMetadata(format, denseSize, segments, indices);
        }

        return new TfLiteSparsity(traversal, blockMap, metadata);
    }

    /// <summary>Reads a <c>SparseIndexVector</c> union (Int32Vector = 1, Uint16Vector = 2, Uint8Vector = 3), each a table whose field 0 is the values.</summary>
    private static int[]? ReadIndexVector(FlatBufferReader r, FlatTable dim, int typeField, int valueField, string what)
    {
        byte type = dim.UInt8(typeField);
        if (type == 0)
        {
            return null;
        }

        FlatTable v = dim.Table(valueField, what) ?? throw r.Error($"{what} has union type {type} but no value");
        return type switch
        {
            1 => v.Int32Vector(0, what) ?? [],
            2 => v.UInt16Vector(0, what) ?? [],
            3 => v.UInt8Vector(0, what) ?? [],
            _ => throw r.Error($"{what} has unknown index vector type {type}"),
        };
    }

    private static TfLiteOperator ReadOperator(
        FlatBufferReader r,
        FlatTable op,
        int index,
        string where,
        int tensorCount,
        (TfLiteBuiltinOperator Op, string? Custom)[] codes)
    {
        string what = $"{where} operator {index}";
        uint codeIndex = op.UInt32(OperatorOpcodeIndex);
        if (codeIndex >= codes.Length)
        {
            throw r.Error($"{what} uses op code {codeIndex}, but the model has only {codes.Length} op codes");
        }

        (TfLiteBuiltinOperator code, string? custom) = codes[codeIndex];
        int[] inputs = CheckTensorIndices(r, op.Int32Vector(OperatorInputs, $"{what} inputs") ?? [], tensorCount, $"{what} ({code}) inputs", allowOptional: true);
        int[] outputs = CheckTensorIndices(r, op.Int32Vector(OperatorOutputs, $"{what} outputs") ?? [], tensorCount, $"{what} ({code}) outputs", allowOptional: false);
        int optionsType = op.UInt8(OperatorOptionsType);
        FlatTable? optionsTable = optionsType == 0 ? null : op.Table(OperatorOptions, $"{what} ({code}) options");
        TfLiteOperatorOptions? options = TfLiteOptionsParser.Parse(r, code, optionsType, optionsTable, $"{what} ({code}) options");
        return new TfLiteOperator(index, code, custom, inputs, outputs, optionsType, options);
    }

    private static int[] CheckTensorIndices(FlatBufferReader r, int[] indices, int tensorCount, string what, bool allowOptional)
    {
        foreach (int i in indices)
        {
            bool ok = (i >= 0 && i < tensorCount) || (allowOptional && i == -1);
            if (!ok)
            {
                throw r.Error($"{what} refer to tensor {i}, but the subgraph has {tensorCount} tensors");
            }
        }

        return indices;
    }
}
