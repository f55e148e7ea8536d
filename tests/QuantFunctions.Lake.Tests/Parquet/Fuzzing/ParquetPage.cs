using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>One page of a column chunk: its header (every field editable) and its stored (compressed) body.</summary>
internal sealed class ParquetPage(ThriftPageHeader header, byte[] body)
{
    public ThriftPageHeader Header { get; } = header;

    public byte[] Body { get; set; } = body;

    public bool IsData => Header.Type is ThriftPageHeader.DataPage or ThriftPageHeader.DataPageV2;
}
