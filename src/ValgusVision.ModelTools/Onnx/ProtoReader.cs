using System.Buffers.Binary;
using System.Text;

namespace ValgusVision.ModelTools.Onnx;

/// <summary>
/// A minimal, bounds-checked protocol-buffers reader over one message: walks fields, reads varints and
/// length-delimited payloads, and skips what it does not need. Problems become
/// <see cref="InvalidDataException"/> naming the input.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _name;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data, string nameForErrors)
    {
        _data = data;
        _name = nameForErrors;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Reads the next field's tag: its number and wire type.</summary>
    public (int Field, int WireType) Tag()
    {
        ulong tag = Varint();
        int field = (int)(tag >> 3);
        if (field == 0)
        {
            throw Error("a field number 0");
        }

        return (field, (int)(tag & 7));
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Error("a varint running past the end");
            }

            byte b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error("a varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> LengthDelimited()
    {
        ulong length = Varint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Error($"a field of {length} bytes with only {_data.Length - _position} left");
        }

        ReadOnlySpan<byte> payload = _data.Slice(_position, (int)length);
        _position += (int)length;
        return payload;
    }

    public string String() => Encoding.UTF8.GetString(LengthDelimited());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                Varint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                LengthDelimited();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw Error($"an unknown wire type {wireType}");
        }
    }

    public uint Fixed32()
    {
        int start = _position;
        Advance(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(start, 4));
    }

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Error($"a {count}-byte value running past the end");
        }

        _position += count;
    }

    private readonly InvalidDataException Error(string what)
        => new($"{_name}: not a valid ONNX model (found {what} at byte {_position})");
}
