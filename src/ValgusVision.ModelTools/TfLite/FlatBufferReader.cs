using System.Buffers.Binary;
using System.Text;

namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// Bounds-checked access to a FlatBuffer held in memory. Every offset read from the file is checked
/// before it is followed, so a truncated or garbage file gives an <see cref="InvalidDataException"/>
/// naming the file and the problem instead of an index exception or a wrong read.
/// </summary>
internal sealed class FlatBufferReader
{
    private readonly byte[] _bytes;

    public FlatBufferReader(byte[] bytes, string nameForErrors)
    {
        _bytes = bytes;
        Name = nameForErrors;
    }

    public string Name { get; }

    public byte[] Bytes => _bytes;

    public int Length => _bytes.Length;

    public InvalidDataException Error(string problem) => new($"{Name}: {problem}");

    /// <summary>The table that the uoffset at byte 0 points to.</summary>
    public FlatTable Root(string what)
    {
        Require(0, 4, "the root offset");
        return TableAt(ReadUOffsetTarget(0, what), what);
    }

    public void Require(long position, long size, string what)
    {
        if (position < 0 || size < 0 || position + size > _bytes.Length)
        {
            throw Error($"{what} at byte {position} (+{size}) lies outside the file ({_bytes.Length} bytes); the file is truncated or not a TFLite model");
        }
    }

    public byte U8(long p) => _bytes[p];

    public ushort U16(long p) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan((int)p, 2));

    public int I32(long p) => BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan((int)p, 4));

    public uint U32(long p) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan((int)p, 4));

    public long I64(long p) => BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan((int)p, 8));

    public float F32(long p) => BinaryPrimitives.ReadSingleLittleEndian(_bytes.AsSpan((int)p, 4));

    /// <summary>Follows the unsigned offset stored at <paramref name="position"/> (relative to itself).</summary>
    public long ReadUOffsetTarget(long position, string what)
    {
        Require(position, 4, what);
        long target = position + U32(position);
        Require(target, 4, what);
        return target;
    }

    public FlatTable TableAt(long position, string what)
    {
        Require(position, 4, what);
        // A table starts with a signed offset back (or forward) to its vtable.
        long vtable = position - I32(position);
        Require(vtable, 4, $"the vtable of {what}");
        int vtableSize = U16(vtable);
        int tableSize = U16(vtable + 2);
        if (vtableSize < 4 || (vtableSize & 1) != 0)
        {
            throw Error($"the vtable of {what} at byte {vtable} has an invalid size {vtableSize}");
        }

        Require(vtable, vtableSize, $"the vtable of {what}");
        Require(position, Math.Max(tableSize, 4), what);
        return new FlatTable(this, position, vtable, vtableSize, tableSize, what);
    }

    /// <summary>Reads the length prefix of a vector or string and checks that its elements fit.</summary>
    public int VectorLength(long vectorPosition, int elementSize, string what)
    {
        Require(vectorPosition, 4, what);
        uint count = U32(vectorPosition);
        Require(vectorPosition + 4, (long)count * elementSize, what);
        return (int)count;
    }

    public string Utf8(long start, int length) => Encoding.UTF8.GetString(_bytes, (int)start, length);
}
