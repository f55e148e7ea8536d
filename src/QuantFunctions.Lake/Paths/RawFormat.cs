namespace QuantFunctions.Lake.Paths;

/// <summary>The file format of a raw, source-native batch.</summary>
public enum RawFormat
{
    /// <summary>JSON (<c>.json</c>).</summary>
    Json = 0,

    /// <summary>CSV (<c>.csv</c>).</summary>
    Csv = 1,
}
