using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Invariant text of one value for CSV/JSON output and statistics: ISO-8601 dates and timestamps (fraction
/// digits by unit, "Z" when UTC-adjusted), exact decimals, lowercase hex for binary, round-trip floats.
/// </summary>
internal static class ParquetValueFormatter
{
    private const long MinUnixSeconds = -62_135_596_800, MaxUnixSeconds = 253_402_300_799;

    /// <summary>The value at <paramref name="row"/>, or null for a null.</summary>
    public static string? Format(ColumnBuffer b, int row)
    {
        if (b.IsNull(row))
        {
            return null;
        }

        ParquetColumn c = b.Column;
        CultureInfo inv = CultureInfo.InvariantCulture;
        switch (c.Kind)
        {
            case ParquetValueKind.Boolean: return b.Booleans![row] ? "true" : "false";
            case ParquetValueKind.Int32: return c.IsUnsigned ? ((uint)b.Int32s![row]).ToString(inv) : b.Int32s![row].ToString(inv);
            case ParquetValueKind.Int64: return c.IsUnsigned ? ((ulong)b.Int64s![row]).ToString(inv) : b.Int64s![row].ToString(inv);
            case ParquetValueKind.Float or ParquetValueKind.Float16: return b.Floats![row].ToString("R", inv);
            case ParquetValueKind.Double: return b.Doubles![row].ToString("R", inv);
            case ParquetValueKind.String: return b.Strings![row];
            case ParquetValueKind.Uuid:
                return b.Binaries![row]!.Length == 16 ? new Guid(b.Binaries[row], bigEndian: true).ToString() : Convert.ToHexStringLower(b.Binaries[row]!);
            case ParquetValueKind.Date:
            {
                long days = b.Int32s![row];
                return Seconds(days * 86400, out DateTime d) ? d.ToString("yyyy-MM-dd", inv) : $"{days} days";
            }

            case ParquetValueKind.Decimal:
            {
                BigInteger unscaled = b.Int32s is { } i ? i[row] : b.Int64s is { } l ? l[row] : new BigInteger(b.Binaries![row]!, isUnsigned: false, isBigEndian: true);
                return Decimal(unscaled, c.Scale);
            }

            case ParquetValueKind.Time:
            {
                long v = b.Int32s is { } t ? t[row] : b.Int64s![row];
                (long perSecond, string digits) = PerSecond(c.Unit);
                long secs = v / perSecond;
                string s = string.Create(inv, $"{secs / 3600:D2}:{secs / 60 % 60:D2}:{secs % 60:D2}.{(v % perSecond).ToString(digits, inv)}");
                return c.IsAdjustedToUtc ? s + "Z" : s;
            }

            case ParquetValueKind.Timestamp when c.PhysicalType == ParquetPhysicalType.Int96:
            {
                byte[] raw = b.Binaries![row]!;
                long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(raw);
                long days = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(8)) - 2_440_588L;
                return Timestamp((days * 86400) + Math.DivRem(nanosOfDay, 1_000_000_000L, out long frac), frac, "D9", utc: false);
            }

            case ParquetValueKind.Timestamp:
            {
                long v = b.Int64s![row];
                (long perSecond, string digits) = PerSecond(c.Unit);
                long secs = Math.DivRem(v, perSecond, out long frac);
                if (frac < 0)
                {
                    secs--;
                    frac += perSecond;
                }

                return Timestamp(secs, frac, digits, c.IsAdjustedToUtc);
            }

            default:
                return Convert.ToHexStringLower(b.Binaries![row]!);
        }
    }

    /// <summary>Renders a statistics bound (PLAIN bytes without a length prefix) like a value of the column.</summary>
    public static string? FormatBound(ParquetColumn column, byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        ColumnBuffer one = ColumnBuffer.Allocate(column, 1, null);
        switch (one.Values)
        {
            case string[] s when column.PhysicalType == ParquetPhysicalType.ByteArray || bytes.Length != column.TypeLength:
                s[0] = System.Text.Encoding.UTF8.GetString(bytes);
                break;
            case byte[][] bins when column.PhysicalType == ParquetPhysicalType.ByteArray || bytes.Length != column.TypeLength:
                bins[0] = bytes;
                break;
            default:
                try
                {
                    PlainDecoder.Decode(column, bytes, 1, one.Values, 0, 0);
                }
                catch (ParquetFormatException)
                {
                    return Convert.ToHexStringLower(bytes);
                }

                break;
        }

        return Format(one, 0);
    }

    private static string Timestamp(long seconds, long fraction, string digits, bool utc)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        if (!Seconds(seconds, out DateTime t))
        {
            return string.Create(inv, $"{seconds}s+{fraction}");
        }

        string s = t.ToString("yyyy-MM-dd'T'HH:mm:ss", inv) + "." + fraction.ToString(digits, inv);
        return utc ? s + "Z" : s;
    }

    private static bool Seconds(long seconds, out DateTime value)
    {
        bool ok = seconds is >= MinUnixSeconds and <= MaxUnixSeconds;
        value = ok ? DateTime.UnixEpoch.AddSeconds(seconds) : default;
        return ok;
    }

    private static (long PerSecond, string Digits) PerSecond(ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => (1_000, "D3"),
        ParquetTimeUnit.Micros => (1_000_000, "D6"),
        _ => (1_000_000_000, "D9"),
    };

    private static string Decimal(BigInteger unscaled, int scale)
    {
        string digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits.Insert(digits.Length - scale, ".");
        }

        return unscaled.Sign < 0 ? "-" + digits : digits;
    }
}
