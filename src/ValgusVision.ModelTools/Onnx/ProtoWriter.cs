using System.Buffers.Binary;
using System.Text;

namespace ValgusVision.ModelTools.Onnx;

/// <summary>
/// A minimal protocol-buffers encoder: varints, 64-bit and 32-bit fixed values, and length-delimited
/// fields (strings, bytes, packed arrays, nested messages). Fields are written in the order the caller
/// gives, so the same calls always produce the same bytes.
/// </summary>
internal sealed class ProtoWriter
{
    private const int WireVarint = 0, WireLengthDelimited = 2, WireFixed32 = 5;

    private readonly MemoryStream _stream = new();

    public long Length => _stream.Length;

    public byte[] ToArray() => _stream.ToArray();

    public void WriteTo(Stream destination)
    {
        _stream.Position = 0;
        _stream.CopyTo(destination);
    }

    public void Int64(int field, long value)
    {
        Tag(field, WireVarint);
        Varint((ulong)value);
    }

    public void Int32(int field, int value) => Int64(field, value);

    public void Float(int field, float value)
    {
        Tag(field, WireFixed32);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        _stream.Write(b);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireLengthDelimited);
        Varint((ulong)value.Length);
        _stream.Write(value);
    }

    /// <summary>A repeated int64 field in packed form (the proto3 default encoding).</summary>
    public void PackedInt64(int field, ReadOnlySpan<long> values)
    {
        var inner = new ProtoWriter();
        foreach (long v in values)
        {
            inner.Varint((ulong)v);
        }

        Message(field, inner);
    }

    /// <summary>A repeated float field in packed form.</summary>
    public void PackedFloat(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        Bytes(field, bytes);
    }

    /// <summary>A nested message, already encoded in <paramref name="message"/>.</summary>
    public void Message(int field, ProtoWriter message)
    {
        Tag(field, WireLengthDelimited);
        Varint((ulong)message.Length);
        message.WriteTo(_stream);
    }

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }
}
