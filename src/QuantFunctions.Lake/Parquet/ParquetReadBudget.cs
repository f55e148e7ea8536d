using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// The bytes one row-group read may materialise (<see cref="ParquetReaderOptions.MaxReadBytes"/>). Every size a file
/// declares (row counts, uncompressed page sizes, dictionary sizes, DELTA_BYTE_ARRAY expansion) is charged here
/// <em>before</em> the allocation it would cause, so a hostile file fails with a typed error instead of allocating.
/// </summary>
/// <remarks>
/// Charges are cumulative within one read. Scratch buffers reused from page to page (the inflate buffer, level and
/// index scratch) are charged at their high-water mark, not per page. Estimates are upper bounds of what the runtime
/// allocates: arrays count their header, strings two bytes per UTF-8 byte plus their header.
/// </remarks>
internal sealed class ParquetReadBudget(long limit)
{
    /// <summary>Upper bound of an array's or string's object header and length, in bytes.</summary>
    public const int ObjectOverhead = 32;

    /// <summary>The budget, in bytes.</summary>
    public long Limit => limit;

    /// <summary>Bytes charged so far.</summary>
    public long Used { get; private set; }

    /// <summary>Charges <paramref name="bytes"/>, or throws when they do not fit.</summary>
    /// <param name="bytes">What the next allocation(s) will take.</param>
    /// <param name="what">
    /// What is being materialised, for the error message: a composite format of <paramref name="arg0"/> and
    /// <paramref name="arg1"/>, formatted only when the budget is exceeded (no string is built on the read path).
    /// </param>
    /// <param name="arg0">Argument {0} of <paramref name="what"/>.</param>
    /// <param name="arg1">Argument {1} of <paramref name="what"/>.</param>
    /// <exception cref="ParquetFormatException">The budget would be exceeded (<see cref="ParquetFormatException.ReadBudget"/> set).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Charge(long bytes, string what, long arg0 = 0, long arg1 = 0)
    {
        if (bytes > limit - Used)
        {
            throw Exceeded(bytes, what, arg0, arg1);
        }

        Used += bytes;
    }

    /// <summary>Charges a scratch buffer of <paramref name="bytes"/> kept at a high-water mark <paramref name="charged"/> (charges only the growth, rounded up to the pool's power-of-two size).</summary>
    public void ChargeScratch(ref long charged, long bytes, string what, long arg0 = 0, long arg1 = 0)
    {
        if (bytes <= charged)
        {
            return;
        }

        long rounded = bytes <= 1L << 30 ? (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(bytes, 16)) : bytes;
        Charge(rounded - charged, what, arg0, arg1);
        charged = rounded;
    }

    /// <summary>Bytes of a <paramref name="count"/>-element array of <paramref name="elementSize"/>-byte elements.</summary>
    public static long ArrayBytes(long count, int elementSize) => ObjectOverhead + (count * elementSize);

    /// <summary>Bytes of <paramref name="count"/> strings (UTF-16: 2 bytes per UTF-8 byte at most) or binaries holding <paramref name="payload"/> bytes in all.</summary>
    public static long ValueBytes(long count, long payload, bool strings) => (count * ObjectOverhead) + (strings ? 2 * payload : payload);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ParquetFormatException Exceeded(long bytes, string what, long arg0, long arg1) =>
        new($"read budget exceeded: {string.Format(CultureInfo.InvariantCulture, what, arg0, arg1)} needs {bytes} bytes, {Used} of the {limit}-byte budget are in use (ParquetReaderOptions.MaxReadBytes)", readBudget: limit);
}
