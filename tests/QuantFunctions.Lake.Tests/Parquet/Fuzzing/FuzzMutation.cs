namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>What a fuzz case changed.</summary>
internal enum FuzzMutation
{
    /// <summary>Bytes flipped, overwritten or cut anywhere; CRCs left as they were.</summary>
    RawBytes,

    /// <summary>A page's uncompressed content; recompressed, sizes and CRC recomputed.</summary>
    PageContent,

    /// <summary>A page header field (sizes, counts, encodings, type); CRC recomputed.</summary>
    PageHeader,

    /// <summary>A footer field (row and value counts, codec, type, offsets, schema).</summary>
    Footer,

    /// <summary>A hand-built hostile page: DELTA_BYTE_ARRAY expansion, lying sizes, huge declared counts.</summary>
    Hostile,
}
