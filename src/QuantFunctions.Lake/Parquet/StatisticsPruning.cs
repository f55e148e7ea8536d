using System.Buffers.Binary;
using System.Text;

namespace QuantFunctions.Lake.Parquet;

/// <summary>Decides from column chunk statistics whether a row group may hold values in a range (FORMAT-NOTES §8).</summary>
internal static class StatisticsPruning
{
    /// <summary>False only when the statistics prove that no row of the chunk lies in the range.</summary>
    public static bool MayOverlap(ParquetColumn column, ThriftStatistics? stats, long numRows, ParquetRangePredicate p)
    {
        if (stats is null)
        {
            return true;
        }

        (byte[]? min, byte[]? max) = Bounds(column, stats);
        if (min is null || max is null)
        {
            // Every value null: no value can satisfy a range.
            return !(stats.NullCount == numRows && numRows > 0);
        }

        if (column.IsUnsigned)
        {
            return true;
        }

        switch (column.PhysicalType)
        {
            case ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64:
            {
                if (!TryInt(min, out long lo) || !TryInt(max, out long hi))
                {
                    return true;
                }

                (long? qlo, long? qhi) = IntegerBounds(column, p);
                return (qlo is null || hi >= qlo) && (qhi is null || lo <= qhi);
            }

            case ParquetPhysicalType.Float or ParquetPhysicalType.Double:
            {
                double lo = min.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(min) : min.Length == 8 ? BinaryPrimitives.ReadDoubleLittleEndian(min) : double.NaN;
                double hi = max.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(max) : max.Length == 8 ? BinaryPrimitives.ReadDoubleLittleEndian(max) : double.NaN;
                if (double.IsNaN(lo) || double.IsNaN(hi))
                {
                    return true;
                }

                double? qlo = p.LowerDouble ?? p.LowerInt64, qhi = p.UpperDouble ?? p.UpperInt64;
                return (qlo is null || hi >= qlo) && (qhi is null || lo <= qhi);
            }

            case ParquetPhysicalType.ByteArray or ParquetPhysicalType.FixedLenByteArray when column.Kind == ParquetValueKind.String:
            {
                byte[]? qlo = p.LowerString is null ? null : Encoding.UTF8.GetBytes(p.LowerString);
                byte[]? qhi = p.UpperString is null ? null : Encoding.UTF8.GetBytes(p.UpperString);
                return (qlo is null || max.AsSpan().SequenceCompareTo(qlo) >= 0) && (qhi is null || min.AsSpan().SequenceCompareTo(qhi) <= 0);
            }

            default:
                return true;
        }
    }

    /// <summary>min_value/max_value, else the deprecated min/max for signed orders; NaN-free.</summary>
    internal static (byte[]? Min, byte[]? Max) Bounds(ParquetColumn column, ThriftStatistics stats)
    {
        if (stats.MinValue is not null && stats.MaxValue is not null)
        {
            return (stats.MinValue, stats.MaxValue);
        }

        bool signed = !column.IsUnsigned && column.PhysicalType is ParquetPhysicalType.Int32 or ParquetPhysicalType.Int64
            or ParquetPhysicalType.Float or ParquetPhysicalType.Double or ParquetPhysicalType.Boolean;
        return signed ? (stats.Min, stats.Max) : (null, null);
    }

    private static bool TryInt(byte[] b, out long value)
    {
        switch (b.Length)
        {
            case 4:
                value = BinaryPrimitives.ReadInt32LittleEndian(b);
                return true;
            case 8:
                value = BinaryPrimitives.ReadInt64LittleEndian(b);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static (long?, long?) IntegerBounds(ParquetColumn column, ParquetRangePredicate p)
    {
        if (p.LowerTime is null && p.UpperTime is null)
        {
            return (p.LowerInt64, p.UpperInt64);
        }

        return (p.LowerTime is { } lo ? ToUnits(lo, column) : null, p.UpperTime is { } hi ? ToUnits(hi, column) : null);
    }

    private static long ToUnits(DateTimeOffset t, ParquetColumn column)
    {
        long ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return column.Kind == ParquetValueKind.Date
            ? (long)Math.Floor(ticks / (double)TimeSpan.TicksPerDay)
            : column.Unit switch
            {
                ParquetTimeUnit.Millis => Math.DivRem(ticks, TimeSpan.TicksPerMillisecond) is var (q, r) && r < 0 ? q - 1 : q,
                ParquetTimeUnit.Micros => Math.DivRem(ticks, 10) is var (q, r) && r < 0 ? q - 1 : q,
                _ => ticks * 100,
            };
    }
}
