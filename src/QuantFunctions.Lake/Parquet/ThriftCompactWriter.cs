using System.Buffers.Binary;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Writer of the Thrift compact protocol into a growable buffer.</summary>
internal sealed class ThriftCompactWriter
{
    private readonly Stack<short> _lastIds = new();
    private byte[] _buffer = new byte[256];
    private int _length;
    private short _lastId;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public void Clear()
    {
        _length = 0;
        _lastId = 0;
        _lastIds.Clear();
    }

    public void BeginStruct()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        WriteByte(ThriftCompactReader.TypeStop);
        _lastId = _lastIds.Pop();
    }

    public void FieldHeader(short id, byte type)
    {
        int delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            WriteByte(type);
            WriteVarint(ZigZag(id));
        }

        _lastId = id;
    }

    public void I32(short id, int value)
    {
        FieldHeader(id, ThriftCompactReader.TypeI32);
        WriteVarint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        FieldHeader(id, ThriftCompactReader.TypeI64);
        WriteVarint(ZigZag(value));
    }

    /// <summary>Writes the field when it has a value.</summary>
    public void I32(short id, int? value)
    {
        if (value is int v)
        {
            I32(id, v);
        }
    }

    /// <summary>Writes the field when it has a value.</summary>
    public void I64(short id, long? value)
    {
        if (value is long v)
        {
            I64(id, v);
        }
    }

    /// <summary>Writes the field when it is not null.</summary>
    public void Binary(short id, byte[]? value)
    {
        if (value is not null)
        {
            Binary(id, value.AsSpan());
        }
    }

    public void Bool(short id, bool value) => FieldHeader(id, value ? ThriftCompactReader.TypeTrue : ThriftCompactReader.TypeFalse);

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, ThriftCompactReader.TypeBinary);
        BinaryValue(value);
    }

    public void String(short id, string value)
    {
        FieldHeader(id, ThriftCompactReader.TypeBinary);
        StringValue(value);
    }

    public void StringValue(string value)
    {
        int n = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)n);
        Ensure(n);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void BinaryValue(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public void StructField(short id)
    {
        FieldHeader(id, ThriftCompactReader.TypeStruct);
        BeginStruct();
    }

    public void ListField(short id, byte elementType, int count)
    {
        FieldHeader(id, ThriftCompactReader.TypeList);
        ListHeader(elementType, count);
    }

    public void ListHeader(byte elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | elementType));
            WriteVarint((ulong)count);
        }
    }

    public void I32Value(int value) => WriteVarint(ZigZag(value));

    public void CopyTo(Span<byte> destination) => WrittenSpan.CopyTo(destination);

    private static ulong ZigZag(long n) => (ulong)((n << 1) ^ (n >> 63));

    private void WriteVarint(ulong v)
    {
        Ensure(10);
        while (v >= 0x80)
        {
            _buffer[_length++] = (byte)(v | 0x80);
            v >>= 7;
        }

        _buffer[_length++] = (byte)v;
    }

    private void WriteByte(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    internal void WriteDoubleValue(double d)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), d);
        _length += 8;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
