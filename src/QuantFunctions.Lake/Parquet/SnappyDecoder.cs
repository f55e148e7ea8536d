using System.Buffers.Binary;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Raw Snappy block decoder (google/snappy format_description.txt) writing straight into the page buffer:
/// varint uncompressed length, then literals and back-references with 1, 2 or 4-byte offsets. Every
/// length and offset is checked; corrupt input throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class SnappyDecoder
{
    public static int Decompress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int pos = 0;
        ulong declared = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (pos >= src.Length || shift > 28)
            {
                throw new InvalidDataException("bad snappy length preamble");
            }

            byte b = src[pos++];
            declared |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (declared != (ulong)dst.Length)
        {
            return (int)Math.Min(declared, int.MaxValue);
        }

        int outPos = 0;
        while (pos < src.Length)
        {
            byte tag = src[pos++];
            int len, offset;
            switch (tag & 3)
            {
                case 0:
                    len = tag >> 2;
                    if (len >= 60)
                    {
                        int extra = len - 59;
                        if (pos + extra > src.Length)
                        {
                            throw new InvalidDataException("truncated snappy literal length");
                        }

                        len = 0;
                        for (int k = 0; k < extra; k++)
                        {
                            len |= src[pos + k] << (8 * k);
                        }

                        pos += extra;
                        if (len < 0)
                        {
                            throw new InvalidDataException("snappy literal too long");
                        }
                    }

                    len++;
                    if (len > src.Length - pos || len > dst.Length - outPos)
                    {
                        throw new InvalidDataException("snappy literal past the end of the input or output");
                    }

                    src.Slice(pos, len).CopyTo(dst[outPos..]);
                    pos += len;
                    outPos += len;
                    continue;
                case 1:
                    if (pos >= src.Length)
                    {
                        throw new InvalidDataException("truncated snappy copy");
                    }

                    len = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | src[pos++];
                    break;
                case 2:
                    if (pos + 2 > src.Length)
                    {
                        throw new InvalidDataException("truncated snappy copy");
                    }

                    len = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(src[pos..]);
                    pos += 2;
                    break;
                default:
                    if (pos + 4 > src.Length)
                    {
                        throw new InvalidDataException("truncated snappy copy");
                    }

                    len = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(src[pos..]);
                    pos += 4;
                    break;
            }

            if (offset <= 0 || offset > outPos || len > dst.Length - outPos)
            {
                throw new InvalidDataException($"snappy copy (offset {offset}, length {len}) outside the output");
            }

            if (offset >= len)
            {
                dst.Slice(outPos - offset, len).CopyTo(dst[outPos..]);
            }
            else
            {
                for (int k = 0; k < len; k++)
                {
                    dst[outPos + k] = dst[outPos - offset + k];
                }
            }

            outPos += len;
        }

        return outPos;
    }
}
