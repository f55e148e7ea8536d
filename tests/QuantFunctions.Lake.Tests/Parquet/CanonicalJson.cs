using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet;

/// <summary>
/// The interop kit's "pq-canonical/1" row tokens (shared/tools/parquet/README.md, "Canonical JSON"),
/// written independently of the codec so decoded values can be compared with DuckDB's .expected.json.
/// </summary>
internal static class CanonicalJson
{
    public static string Kind(ParquetColumn c) => c.Kind switch
    {
        ParquetValueKind.Boolean => "boolean",
        ParquetValueKind.Int32 => "int",
        ParquetValueKind.Int64 => "int64",
        ParquetValueKind.Float or ParquetValueKind.Float16 => "float",
        ParquetValueKind.Double => "double",
        ParquetValueKind.String => "string",
        ParquetValueKind.Binary => "binary",
        ParquetValueKind.Date => "date",
        ParquetValueKind.Time => "time",
        ParquetValueKind.Timestamp => "timestamp",
        ParquetValueKind.Decimal => "decimal",
        ParquetValueKind.Uuid => "uuid",
        _ => "?",
    };

    /// <summary>Every row group of <paramref name="reader"/>'s file, decoded and rendered as row lines in file order.</summary>
    public static async Task<List<string>> ReadRowsAsync(ParquetReader reader)
    {
        var rows = new List<string>();
        await foreach (RowGroupBatch batch in reader.ReadAsync())
        {
            for (int r = 0; r < batch.RowCount; r++)
            {
                rows.Add(RowLine(batch, r));
            }
        }

        return rows;
    }

    public static string RowLine(RowGroupBatch batch, int row)
    {
        var sb = new StringBuilder("[");
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            if (c > 0)
            {
                sb.Append(',');
            }

            sb.Append(Token(batch.Columns[c], row));
        }

        return sb.Append(']').ToString();
    }

    public static string Sha256(IEnumerable<string> lines)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string l in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(l + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string Token(ColumnBuffer b, int row)
    {
        if (b.IsNull(row))
        {
            return "null";
        }

        ParquetColumn c = b.Column;
        switch (c.Kind)
        {
            case ParquetValueKind.Boolean: return b.Booleans![row] ? "true" : "false";
            case ParquetValueKind.Int32: return c.IsUnsigned ? ((uint)b.Int32s![row]).ToString(CultureInfo.InvariantCulture) : b.Int32s![row].ToString(CultureInfo.InvariantCulture);
            case ParquetValueKind.Int64: return Quote(c.IsUnsigned ? ((ulong)b.Int64s![row]).ToString(CultureInfo.InvariantCulture) : b.Int64s![row].ToString(CultureInfo.InvariantCulture));
            case ParquetValueKind.Float or ParquetValueKind.Float16: return Number(b.Floats![row]);
            case ParquetValueKind.Double: return Number(b.Doubles![row]);
            case ParquetValueKind.String: return JsonString(b.Strings![row]!);
            case ParquetValueKind.Binary: return Quote(Convert.ToHexStringLower(b.Binaries![row]!));
            case ParquetValueKind.Uuid:
                string h = Convert.ToHexStringLower(b.Binaries![row]!);
                return Quote($"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}");
            case ParquetValueKind.Date: return Quote(Date(b.Int32s![row]));
            case ParquetValueKind.Decimal: return Quote(Decimal(Unscaled(b, row), c.Scale));
            case ParquetValueKind.Time:
            {
                long v = b.Int32s is { } t32 ? t32[row] : b.Int64s![row];
                (long perSecond, int digits) = Scale(c.Unit);
                long secs = v / perSecond;
                string s = $"{secs / 3600:D2}:{secs / 60 % 60:D2}:{secs % 60:D2}.{(v % perSecond).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
                return Quote(c.IsAdjustedToUtc ? s + "Z" : s);
            }

            case ParquetValueKind.Timestamp:
            {
                (long perSecond, int digits) = Scale(c.Unit);
                long perDay = perSecond * 86400;
                long days, rem;
                if (c.PhysicalType == ParquetPhysicalType.Int96)
                {
                    // 8-byte LE nanoseconds of day, then 4-byte LE Julian day (2440588 = 1970-01-01).
                    byte[] raw = b.Binaries![row]!;
                    rem = BitConverter.ToInt64(raw, 0);
                    days = BitConverter.ToInt32(raw, 8) - 2440588L;
                }
                else
                {
                    long v = b.Int64s![row];
                    days = FloorDiv(v, perDay);
                    rem = v - (days * perDay);
                }

                long secs = rem / perSecond;
                string s = $"{Date(days)}T{secs / 3600:D2}:{secs / 60 % 60:D2}:{secs % 60:D2}.{(rem % perSecond).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
                return Quote(c.IsAdjustedToUtc && c.PhysicalType != ParquetPhysicalType.Int96 ? s + "Z" : s);
            }

            default:
                throw new InvalidOperationException($"no canonical form for {c.Kind}");
        }
    }

    private static (long PerSecond, int Digits) Scale(ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => (1_000, 3),
        ParquetTimeUnit.Micros => (1_000_000, 6),
        _ => (1_000_000_000, 9),
    };

    private static BigInteger Unscaled(ColumnBuffer b, int row) =>
        b.Int32s is { } i ? i[row] : b.Int64s is { } l ? l[row] : new BigInteger(b.Binaries![row]!, isUnsigned: false, isBigEndian: true);

    private static string Decimal(BigInteger unscaled, int scale)
    {
        string digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }

        return unscaled.Sign < 0 ? "-" + digits : digits;
    }

    private static long FloorDiv(long a, long b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);

    /// <summary>Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms").</summary>
    private static string Date(long days)
    {
        long z = days + 719468;
        long era = FloorDiv(z, 146097);
        long doe = z - (era * 146097);
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + (era * 400);
        long doy = doe - ((365 * yoe) + yoe / 4 - yoe / 100);
        long mp = ((5 * doy) + 2) / 153;
        long d = doy - (((153 * mp) + 2) / 5) + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        y += m <= 2 ? 1 : 0;
        string year = y is >= 0 and <= 9999 ? y.ToString("D4", CultureInfo.InvariantCulture) : (y < 0 ? "-" : "+") + Math.Abs(y).ToString("D6", CultureInfo.InvariantCulture);
        return $"{year}-{m:D2}-{d:D2}";
    }

    /// <summary>JavaScript Number#toString (shortest round trip; exponent form below 1e-6 and from 1e21).</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d))
        {
            return "\"NaN\"";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0" : "0";
        }

        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? r : r[..e];
        int exp = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int n = (dot < 0 ? mantissa.Length : dot) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        n -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        int k = digits.Length;
        string s;
        if (k <= n && n <= 21)
        {
            s = digits + new string('0', n - k);
        }
        else if (n is > 0 and <= 21)
        {
            s = digits[..n] + "." + digits[n..];
        }
        else if (n is > -6 and <= 0)
        {
            s = "0." + new string('0', -n) + digits;
        }
        else
        {
            int ex = n - 1;
            s = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + (ex > 0 ? "+" : "-") + Math.Abs(ex).ToString(CultureInfo.InvariantCulture);
        }

        return d < 0 ? "-" + s : s;
    }

    private static string Quote(string s) => "\"" + s + "\"";

    public static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (ch < 0x20)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
