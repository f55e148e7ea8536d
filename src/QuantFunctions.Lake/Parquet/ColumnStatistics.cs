using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// Column chunk statistics for the writer (FORMAT-NOTES §8): null_count always; min_value/max_value in the
/// TYPE_ORDER of the column; for FLOAT/DOUBLE NaN is excluded and counted in nan_count, a zero min is
/// written as -0.0 and a zero max as +0.0; the deprecated min/max only for signed orders.
/// </summary>
internal static class ColumnStatistics
{
    public static ThriftStatistics Compute(ColumnBuffer column, int start, int count, int nonNull)
    {
        var s = new ThriftStatistics { NullCount = count - nonNull };
        bool dense = nonNull == count;
        bool[]? valid = column.Validity;
        bool signed = true;
        switch (column.Values)
        {
            case bool[] b:
            {
                bool any = false, anyTrue = false, anyFalse = false;
                for (int i = start; i < start + count; i++)
                {
                    if (dense || valid![i])
                    {
                        any = true;
                        anyTrue |= b[i];
                        anyFalse |= !b[i];
                    }
                }

                if (any)
                {
                    s.MinValue = [anyFalse ? (byte)0 : (byte)1];
                    s.MaxValue = [anyTrue ? (byte)1 : (byte)0];
                }

                break;
            }

            case int[] n:
                IntegerBounds<int>(s, n.AsSpan(start, count), dense ? default : valid.AsSpan(start, count), 4);
                break;
            case long[] l:
                IntegerBounds<long>(s, l.AsSpan(start, count), dense ? default : valid.AsSpan(start, count), 8);
                break;
            case double[] d:
                FloatBounds(s, d.AsSpan(start, count), dense ? null : valid.AsSpan(start, count), 8);
                break;
            case float[] f:
            {
                double[] widened = new double[count];
                for (int i = 0; i < count; i++)
                {
                    widened[i] = f[start + i];
                }

                FloatBounds(s, widened, dense ? null : valid.AsSpan(start, count), 4);
                break;
            }

            case string?[] str:
                signed = false;
                StringBounds(s, str.AsSpan(start, count), valid is null ? default : valid.AsSpan(start, count));
                break;
            default:
                signed = false;
                byte[]?[] bins = (byte[]?[])column.Values;
                BytewiseBounds(s, count, i => valid is null || valid[start + i] ? bins[start + i] : null);
                break;
        }

        if (signed && column.Column.Kind != ParquetValueKind.Boolean)
        {
            s.Min = s.MinValue;
            s.Max = s.MaxValue;
        }

        return s;
    }

    private static void IntegerBounds<T>(ThriftStatistics s, ReadOnlySpan<T> values, ReadOnlySpan<bool> valid, int width)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        T min = T.MaxValue, max = T.MinValue;
        bool any = false;
        for (int i = 0; i < values.Length; i++)
        {
            if (valid.IsEmpty || valid[i])
            {
                any = true;
                min = T.Min(min, values[i]);
                max = T.Max(max, values[i]);
            }
        }

        if (any)
        {
            s.MinValue = new byte[width];
            s.MaxValue = new byte[width];
            min.WriteLittleEndian(s.MinValue);
            max.WriteLittleEndian(s.MaxValue);
        }
    }

    private static void FloatBounds(ThriftStatistics s, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid, int width)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long nan = 0;
        bool any = false;
        for (int i = 0; i < values.Length; i++)
        {
            if (!valid.IsEmpty && !valid[i])
            {
                continue;
            }

            double v = values[i];
            if (double.IsNaN(v))
            {
                nan++;
                continue;
            }

            any = true;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        s.NanCount = nan;
        if (!any)
        {
            return;
        }

        min = min == 0 ? -0.0 : min;
        max = max == 0 ? 0.0 : max;
        s.MinValue = new byte[width];
        s.MaxValue = new byte[width];
        if (width == 4)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s.MinValue, (float)min);
            BinaryPrimitives.WriteSingleLittleEndian(s.MaxValue, (float)max);
        }
        else
        {
            BinaryPrimitives.WriteDoubleLittleEndian(s.MinValue, min);
            BinaryPrimitives.WriteDoubleLittleEndian(s.MaxValue, max);
        }
    }

    private static void StringBounds(ThriftStatistics s, ReadOnlySpan<string?> values, ReadOnlySpan<bool> valid)
    {
        string? min = null, max = null;
        for (int i = 0; i < values.Length; i++)
        {
            string? v = values[i];
            if (v is null || (!valid.IsEmpty && !valid[i]) || ReferenceEquals(v, min) || ReferenceEquals(v, max))
            {
                continue;
            }

            if (min is null || CompareUtf8Order(v, min) < 0)
            {
                min = v;
            }

            if (max is null || CompareUtf8Order(v, max) > 0)
            {
                max = v;
            }
        }

        s.MinValue = min is null ? null : Encoding.UTF8.GetBytes(min);
        s.MaxValue = max is null ? null : Encoding.UTF8.GetBytes(max);
    }

    /// <summary>Orders UTF-16 strings like their UTF-8 bytes (code point order): surrogates sort above U+E000..U+FFFF.</summary>
    internal static int CompareUtf8Order(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = a.AsSpan(0, n).CommonPrefixLength(b.AsSpan(0, n));
        if (i == n)
        {
            return a.Length.CompareTo(b.Length);
        }

        int c1 = a[i], c2 = b[i];
        if (c1 >= 0xD800 && c2 >= 0xD800)
        {
            c1 = c1 >= 0xE000 ? c1 - 0x800 : c1 + 0x2000;
            c2 = c2 >= 0xE000 ? c2 - 0x800 : c2 + 0x2000;
        }

        return c1 - c2;
    }

    private static void BytewiseBounds(ThriftStatistics s, int count, Func<int, byte[]?> value)
    {
        byte[]? min = null, max = null;
        for (int i = 0; i < count; i++)
        {
            byte[]? v = value(i);
            if (v is null)
            {
                continue;
            }

            if (min is null || v.AsSpan().SequenceCompareTo(min) < 0)
            {
                min = v;
            }

            if (max is null || v.AsSpan().SequenceCompareTo(max) > 0)
            {
                max = v;
            }
        }

        s.MinValue = min;
        s.MaxValue = max;
    }
}
