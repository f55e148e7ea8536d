using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Strict UTF-8 decoding of STRING values: invalid bytes are a format error, never replaced silently.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, long offset)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ParquetFormatException("invalid UTF-8 in a STRING value", offset: offset, inner: ex);
        }
    }
}
