using System.Buffers.Binary;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Defensive reader of the Thrift compact protocol (apache/thrift doc/specs/thrift-compact-protocol.md):
/// bounded recursion, counts and lengths validated against the remaining bytes before anything is allocated.
/// Errors are <see cref="ParquetFormatException"/> with the absolute offset.
/// </summary>
internal ref struct ThriftCompactReader
{
    internal const byte TypeStop = 0, TypeTrue = 1, TypeFalse = 2, TypeByte = 3, TypeI16 = 4, TypeI32 = 5, TypeI64 = 6,
        TypeDouble = 7, TypeBinary = 8, TypeList = 9, TypeSet = 10, TypeMap = 11, TypeStruct = 12;

    private const int MaxDepth = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private int _pos;
    private int _depth;

    public ThriftCompactReader(ReadOnlySpan<byte> data, long baseOffset)
    {
        _data = data;
        _baseOffset = baseOffset;
        _pos = 0;
        _depth = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _pos;

    /// <summary>Absolute offset of the next byte.</summary>
    public readonly long AbsolutePosition => _baseOffset + _pos;

    public readonly ParquetFormatException Error(string reason) => new($"corrupt Thrift metadata: {reason}", offset: AbsolutePosition);

    /// <summary>Enters a nested struct; call <see cref="EndStruct"/> after its stop byte.</summary>
    public void BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth}");
        }
    }

    public void EndStruct() => _depth--;

    /// <summary>Reads a field header; returns false at the stop byte. <paramref name="lastId"/> is the struct's running id.</summary>
    public bool ReadFieldHeader(ref short lastId, out byte type, out short id)
    {
        byte b = ReadRawByte();
        type = (byte)(b & 0x0F);
        if (type == TypeStop)
        {
            id = 0;
            return false;
        }

        int delta = b >> 4;
        id = delta != 0 ? (short)(lastId + delta) : ReadI16();
        if (type > TypeStruct)
        {
            throw Error($"unknown field type {type}");
        }

        lastId = id;
        return true;
    }

    public byte ReadRawByte()
    {
        if (_pos >= _data.Length)
        {
            throw Error("unexpected end of data");
        }

        return _data[_pos++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadRawByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Error("varint longer than 10 bytes");
    }

    public long ReadI64()
    {
        ulong z = ReadVarint();
        return (long)(z >> 1) ^ -(long)(z & 1);
    }

    public int ReadI32()
    {
        long v = ReadI64();
        if (v is < int.MinValue or > int.MaxValue)
        {
            throw Error($"i32 out of range ({v})");
        }

        return (int)v;
    }

    public short ReadI16()
    {
        long v = ReadI64();
        if (v is < short.MinValue or > short.MaxValue)
        {
            throw Error($"i16 out of range ({v})");
        }

        return (short)v;
    }

    public double ReadDouble()
    {
        ReadOnlySpan<byte> s = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(s);
    }

    /// <summary>Reads a length-prefixed binary; the returned span aliases the input.</summary>
    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong len = ReadVarint();
        if (len > (ulong)(_data.Length - _pos))
        {
            throw Error($"binary length {len} past the end of the data");
        }

        return Take((int)len);
    }

    public string ReadString()
    {
        ReadOnlySpan<byte> bytes = ReadBinary();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ParquetFormatException("corrupt Thrift metadata: invalid UTF-8 string", offset: AbsolutePosition, inner: ex);
        }
    }

    /// <summary>Reads a list header; the count is checked against the remaining bytes (every element takes at least one byte).</summary>
    public int ReadListHeader(out byte elementType)
    {
        byte b = ReadRawByte();
        elementType = (byte)(b & 0x0F);
        ulong size = (ulong)(b >> 4);
        if (size == 15)
        {
            size = ReadVarint();
        }

        if (elementType is TypeStop or > TypeStruct)
        {
            throw Error($"unknown list element type {elementType}");
        }

        if (size > (ulong)(_data.Length - _pos))
        {
            throw Error($"list of {size} elements cannot fit in the remaining {_data.Length - _pos} bytes");
        }

        return (int)size;
    }

    /// <summary>Reads a bool list element (1 = true).</summary>
    public bool ReadBoolElement() => ReadRawByte() == TypeTrue;

    /// <summary>Skips a value of the given type, including nested containers.</summary>
    public void Skip(byte type)
    {
        switch (type)
        {
            case TypeTrue or TypeFalse:
                return;
            case TypeByte:
                ReadRawByte();
                return;
            case TypeI16 or TypeI32 or TypeI64:
                ReadVarint();
                return;
            case TypeDouble:
                Take(8);
                return;
            case TypeBinary:
                ReadBinary();
                return;
            case TypeList or TypeSet:
                SkipList();
                return;
            case TypeMap:
                SkipMap();
                return;
            case TypeStruct:
                SkipStruct();
                return;
            default:
                throw Error($"cannot skip unknown type {type}");
        }
    }

    private void SkipList()
    {
        int n = ReadListHeader(out byte elem);
        BeginStruct();
        for (int i = 0; i < n; i++)
        {
            if (elem is TypeTrue or TypeFalse)
            {
                ReadRawByte();
            }
            else
            {
                Skip(elem);
            }
        }

        EndStruct();
    }

    private void SkipMap()
    {
        ulong n = ReadVarint();
        if (n == 0)
        {
            return;
        }

        if (n > (ulong)(_data.Length - _pos))
        {
            throw Error($"map of {n} entries past the end of the data");
        }

        byte kv = ReadRawByte();
        byte kt = (byte)(kv >> 4), vt = (byte)(kv & 0x0F);
        BeginStruct();
        for (ulong i = 0; i < n; i++)
        {
            SkipElement(kt);
            SkipElement(vt);
        }

        EndStruct();
    }

    private void SkipElement(byte type)
    {
        if (type is TypeTrue or TypeFalse)
        {
            ReadRawByte();
        }
        else
        {
            Skip(type);
        }
    }

    private void SkipStruct()
    {
        BeginStruct();
        short last = 0;
        while (ReadFieldHeader(ref last, out byte t, out _))
        {
            Skip(t);
        }

        EndStruct();
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n > _data.Length - _pos)
        {
            throw Error("unexpected end of data");
        }

        ReadOnlySpan<byte> s = _data.Slice(_pos, n);
        _pos += n;
        return s;
    }
}
