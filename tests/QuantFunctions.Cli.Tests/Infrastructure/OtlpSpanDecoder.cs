namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>One span of an OTLP export request: ids as lowercase hex.</summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string? ParentSpanId, string Name);

/// <summary>
/// Decodes the spans of an OTLP <c>ExportTraceServiceRequest</c> (protobuf) with a minimal wire-format walker: resource_spans (1)
/// → scope_spans (2) → spans (2) → trace_id (1), span_id (2), parent_span_id (4), name (5). Every other field is skipped.
/// </summary>
public static class OtlpSpanDecoder
{
    /// <summary>The spans of one request body.</summary>
    public static IReadOnlyList<OtlpSpan> Decode(byte[] request)
    {
        var spans = new List<OtlpSpan>();
        foreach (ReadOnlyMemory<byte> resourceSpans in Messages(request, 1))
        {
            foreach (ReadOnlyMemory<byte> scopeSpans in Messages(resourceSpans, 2))
            {
                foreach (ReadOnlyMemory<byte> span in Messages(scopeSpans, 2))
                {
                    string traceId = "", spanId = "", name = "";
                    string? parent = null;
                    foreach ((int field, ReadOnlyMemory<byte> bytes) in LengthDelimited(span))
                    {
                        switch (field)
                        {
                            case 1: traceId = Convert.ToHexStringLower(bytes.Span); break;
                            case 2: spanId = Convert.ToHexStringLower(bytes.Span); break;
                            case 4: parent = bytes.Length == 0 ? null : Convert.ToHexStringLower(bytes.Span); break;
                            case 5: name = System.Text.Encoding.UTF8.GetString(bytes.Span); break;
                        }
                    }

                    spans.Add(new OtlpSpan(traceId, spanId, parent, name));
                }
            }
        }

        return spans;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int field) =>
        LengthDelimited(message).Where(f => f.Field == field).Select(f => f.Bytes);

    /// <summary>The length-delimited fields (wire type 2) of a message, skipping varints and fixed-size fields.</summary>
    private static List<(int Field, ReadOnlyMemory<byte> Bytes)> LengthDelimited(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        ReadOnlySpan<byte> span = message.Span;
        int pos = 0;
        while (pos < span.Length)
        {
            ulong key = Varint(span, ref pos);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: Varint(span, ref pos); break;
                case 1: pos += 8; break;
                case 5: pos += 4; break;
                case 2:
                    int length = checked((int)Varint(span, ref pos));
                    if (pos + length > span.Length)
                    {
                        throw new InvalidDataException($"field {field}: length {length} runs past the message end");
                    }

                    fields.Add((field, message.Slice(pos, length)));
                    pos += length;
                    break;
                default: throw new InvalidDataException($"field {field}: unsupported wire type {key & 7}");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = span[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint longer than 10 bytes");
    }
}
