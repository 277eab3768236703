namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// One FlatBuffer table: fields are looked up by their schema field number through the vtable. A field
/// that is absent from the vtable (or stored at offset 0) has its schema default — which is how an op
/// code of ADD (0) or SAME padding (0) usually appears in a TFLite file.
/// </summary>
internal readonly struct FlatTable
{
    private readonly FlatBufferReader _reader;
    private readonly long _position;
    private readonly long _vtable;
    private readonly int _vtableSize;
    private readonly int _tableSize;

    public FlatTable(FlatBufferReader reader, long position, long vtable, int vtableSize, int tableSize, string what)
    {
        _reader = reader;
        _position = position;
        _vtable = vtable;
        _vtableSize = vtableSize;
        _tableSize = tableSize;
        What = what;
    }

    public string What { get; }

    /// <summary>Absolute position of field <paramref name="field"/>'s inline value, or -1 when absent.</summary>
    private long FieldPosition(int field, int size)
    {
        int entry = 4 + (2 * field);
        if (entry + 2 > _vtableSize)
        {
            return -1;
        }

        int offset = _reader.U16(_vtable + entry);
        if (offset == 0)
        {
            return -1;
        }

        if (offset + size > _tableSize)
        {
            throw _reader.Error($"field {field} of {What} (offset {offset}, {size} bytes) lies outside the table's {_tableSize} bytes");
        }

        _reader.Require(_position + offset, size, $"field {field} of {What}");
        return _position + offset;
    }

    public bool Has(int field) => FieldPosition(field, 1) >= 0;

    public byte UInt8(int field, byte defaultValue = 0)
    {
        long p = FieldPosition(field, 1);
        return p < 0 ? defaultValue : _reader.U8(p);
    }

    public bool Bool(int field, bool defaultValue = false)
    {
        long p = FieldPosition(field, 1);
        return p < 0 ? defaultValue : _reader.U8(p) != 0;
    }

    public int Int32(int field, int defaultValue = 0)
    {
        long p = FieldPosition(field, 4);
        return p < 0 ? defaultValue : _reader.I32(p);
    }

    public uint UInt32(int field, uint defaultValue = 0)
    {
        long p = FieldPosition(field, 4);
        return p < 0 ? defaultValue : _reader.U32(p);
    }

    public long Int64(int field, long defaultValue = 0)
    {
        long p = FieldPosition(field, 8);
        return p < 0 ? defaultValue : _reader.I64(p);
    }

    /// <summary>Follows a reference field (string, vector, table); -1 when absent.</summary>
    private long Target(int field, string what)
    {
        long p = FieldPosition(field, 4);
        return p < 0 ? -1 : _reader.ReadUOffsetTarget(p, what);
    }

    public string? String(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int length = _reader.VectorLength(v, 1, what);
        return _reader.Utf8(v + 4, length);
    }

    public FlatTable? Table(int field, string what)
    {
        long t = Target(field, what);
        return t < 0 ? null : _reader.TableAt(t, what);
    }

    /// <summary>The (start, length) of a byte vector inside the file, or null when absent.</summary>
    public (int Start, int Length)? ByteVector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int length = _reader.VectorLength(v, 1, what);
        return ((int)(v + 4), length);
    }

    public int[]? Int32Vector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int n = _reader.VectorLength(v, 4, what);
        var values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = _reader.I32(v + 4 + (4L * i));
        }

        return values;
    }

    public int[]? UInt16Vector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int n = _reader.VectorLength(v, 2, what);
        var values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = _reader.U16(v + 4 + (2L * i));
        }

        return values;
    }

    public int[]? UInt8Vector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int n = _reader.VectorLength(v, 1, what);
        var values = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = _reader.U8(v + 4 + i);
        }

        return values;
    }

    public float[]? Float32Vector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int n = _reader.VectorLength(v, 4, what);
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = _reader.F32(v + 4 + (4L * i));
        }

        return values;
    }

    public long[]? Int64Vector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return null;
        }

        int n = _reader.VectorLength(v, 8, what);
        var values = new long[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = _reader.I64(v + 4 + (8L * i));
        }

        return values;
    }

    /// <summary>A vector of tables (each element an offset to its table); empty when absent.</summary>
    public FlatTable[] TableVector(int field, string what)
    {
        long v = Target(field, what);
        if (v < 0)
        {
            return [];
        }

        int n = _reader.VectorLength(v, 4, what);
        var tables = new FlatTable[n];
        for (int i = 0; i < n; i++)
        {
            string element = $"{what}[{i}]";
            tables[i] = _reader.TableAt(_reader.ReadUOffsetTarget(v + 4 + (4L * i), element), element);
        }

        return tables;
    }
}
