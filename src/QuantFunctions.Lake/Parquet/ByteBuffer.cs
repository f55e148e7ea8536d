using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>A growable byte buffer backed by <see cref="ArrayPool{T}"/> (return it with <see cref="Dispose"/>).</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public ByteBuffer(int capacity = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] RawBuffer => _buffer;

    public void Clear() => _length = 0;

    public Span<byte> GetSpan(int size)
    {
        if (_length + size > _buffer.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + size));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public void Write(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetSpan(data.Length));
        _length += data.Length;
    }

    public void Write<T>(ReadOnlySpan<T> values)
        where T : struct => Write(MemoryMarshal.AsBytes(values));

    public void WriteByte(byte b)
    {
        GetSpan(1)[0] = b;
        _length++;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _length += 4;
    }

    /// <summary>Appends a PLAIN BYTE_ARRAY string: its UTF-8 byte count (4 bytes, little-endian), then the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLengthPrefixedUtf8(string value)
    {
        Span<byte> dst = GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        int len = Encoding.UTF8.GetBytes(value, dst[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(dst, len);
        _length += 4 + len;
    }

    /// <summary>Overwrites 4 bytes at <paramref name="position"/> (a length prefix reserved earlier).</summary>
    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position), value);

    public void WriteVarint(ulong v)
    {
        Span<byte> s = GetSpan(10);
        int n = 0;
        while (v >= 0x80)
        {
            s[n++] = (byte)(v | 0x80);
            v >>= 7;
        }

        s[n++] = (byte)v;
        _length += n;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }
}
