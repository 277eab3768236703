using System.Buffers.Binary;
using System.Text;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>
/// A small forward FlatBuffer writer for tests: a table is a list of (field number, value); children are
/// written after their parent so every uoffset points forward, as the format requires. It lets tests make
/// tiny TFLite files with exactly the ops, options and defects they need.
/// </summary>
public sealed class FlatBufferBuilder
{
    private readonly List<byte> _bytes = [];

    public abstract record Value;

    /// <summary>An inline scalar of 1, 2, 4 or 8 bytes.</summary>
    public sealed record Scalar(byte[] Bytes) : Value;

    public sealed record Str(string Text) : Value;

    /// <summary>A vector of scalars, given as raw little-endian bytes and the element size.</summary>
    public sealed record ScalarVector(byte[] Data, int ElementSize) : Value;

    public sealed record Table(IReadOnlyList<(int Field, Value Value)> Fields) : Value;

    public sealed record TableVector(IReadOnlyList<Table> Tables) : Value;

    public static Scalar U8(int v) => new([(byte)v]);

    public static Scalar I32(int v) => new(BitConverter.GetBytes(v));

    public static Scalar U32(uint v) => new(BitConverter.GetBytes(v));

    public static ScalarVector Ints(params int[] values)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4 * i), values[i]);
        }

        return new ScalarVector(data, 4);
    }

    public static ScalarVector Floats(params float[] values)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), values[i]);
        }

        return new ScalarVector(data, 4);
    }

    public static ScalarVector Longs(params long[] values)
    {
        var data = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8 * i), values[i]);
        }

        return new ScalarVector(data, 8);
    }

    public static Table T(params (int Field, Value? Value)[] fields)
        => new(fields.Where(f => f.Value is not null).Select(f => (f.Field, f.Value!)).ToList());

    /// <summary>The whole buffer: root offset, then the 4-byte file identifier, then the root table.</summary>
    public static byte[] Finish(Table root, string identifier)
    {
        var b = new FlatBufferBuilder();
        b._bytes.AddRange(new byte[4]);
        b._bytes.AddRange(Encoding.ASCII.GetBytes(identifier));
        int rootPosition = b.WriteTable(root);
        b.Patch(0, (uint)rootPosition);
        return [.. b._bytes];
    }

    private int WriteTable(Table t)
    {
        int fieldCount = t.Fields.Count == 0 ? 0 : t.Fields.Max(f => f.Field) + 1;
        Align(2);
        int vtable = _bytes.Count;
        _bytes.AddRange(new byte[4 + (2 * fieldCount)]);
        Align(4);
        int table = _bytes.Count;
        _bytes.AddRange(BitConverter.GetBytes(table - vtable));
        var offsets = new int[fieldCount];
        var references = new List<(int Position, Value Child)>();
        foreach ((int field, Value value) in t.Fields)
        {
            if (value is Scalar s)
            {
                Align(s.Bytes.Length);
                offsets[field] = _bytes.Count - table;
                _bytes.AddRange(s.Bytes);
            }
            else
            {
                Align(4);
                offsets[field] = _bytes.Count - table;
                references.Add((_bytes.Count, value));
                _bytes.AddRange(new byte[4]);
            }
        }

        int tableSize = _bytes.Count - table;
        Write16(vtable, 4 + (2 * fieldCount));
        Write16(vtable + 2, tableSize);
        for (int f = 0; f < fieldCount; f++)
        {
            Write16(vtable + 4 + (2 * f), offsets[f]);
        }

        foreach ((int position, Value child) in references)
        {
            int target = WriteChild(child);
            Patch(position, (uint)(target - position));
        }

        return table;
    }

    private int WriteChild(Value value)
    {
        switch (value)
        {
            case Table t:
                return WriteTable(t);
            case Str s:
                {
                    Align(4);
                    int start = _bytes.Count;
                    byte[] utf8 = Encoding.UTF8.GetBytes(s.Text);
                    _bytes.AddRange(BitConverter.GetBytes(utf8.Length));
                    _bytes.AddRange(utf8);
                    _bytes.Add(0);
                    return start;
                }

            case ScalarVector v:
                {
                    // Element data aligned to 16 like TFLite's buffers (force_align: 16).
                    while ((_bytes.Count + 4) % 16 != 0)
                    {
                        _bytes.Add(0);
                    }

                    int start = _bytes.Count;
                    _bytes.AddRange(BitConverter.GetBytes(v.Data.Length / v.ElementSize));
                    _bytes.AddRange(v.Data);
                    return start;
                }

            case TableVector tv:
                {
                    Align(4);
                    int start = _bytes.Count;
                    _bytes.AddRange(BitConverter.GetBytes(tv.Tables.Count));
                    int slots = _bytes.Count;
                    _bytes.AddRange(new byte[4 * tv.Tables.Count]);
                    for (int i = 0; i < tv.Tables.Count; i++)
                    {
                        int target = WriteTable(tv.Tables[i]);
                        Patch(slots + (4 * i), (uint)(target - (slots + (4 * i))));
                    }

                    return start;
                }

            default:
                throw new ArgumentException($"cannot write {value.GetType().Name} as a child");
        }
    }

    private void Align(int alignment)
    {
        while (_bytes.Count % alignment != 0)
        {
            _bytes.Add(0);
        }
    }

    private void Write16(int position, int value)
    {
        _bytes[position] = (byte)value;
        _bytes[position + 1] = (byte)(value >> 8);
    }

    private void Patch(int position, uint value)
    {
        for (int i = 0; i < 4; i++)
        {
            _bytes[position + i] = (byte)(value >> (8 * i));
        }
    }
}
