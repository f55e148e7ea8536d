using System.Globalization;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Lake.Tests.Parquet.Fuzzing;

/// <summary>Outcome counts of a fuzz run, by what the cases changed and how they ended.</summary>
internal sealed class FuzzSummary
{
    private readonly Dictionary<FuzzMutation, (int Cases, int Errors)> _byKind = [];

    public int Cases { get; private set; }

    public int CompleteReads { get; private set; }

    public int BudgetRefusals { get; private set; }

    /// <summary>Typed errors other than CRC mismatches, budget refusals and footer/schema checks at open: the page and value decoders spoke.</summary>
    public int DecoderErrors { get; private set; }

    /// <summary>
    /// CRC mismatches in cases that changed page content or planted hostile pages with their CRCs recomputed (must be
    /// none: such a case would not have reached the decoders). Raw byte damage, and header or footer lies that move page
    /// boundaries, are meant to meet the CRC.
    /// </summary>
    public int CrcErrorsWithRecomputedCrc { get; private set; }

    public long MaxAllocated { get; private set; }

    public void Record(FuzzMutation kind, Exception? error, long allocated)
    {
        Cases++;
        MaxAllocated = Math.Max(MaxAllocated, allocated);
        (int cases, int errors) = _byKind.GetValueOrDefault(kind);
        _byKind[kind] = (cases + 1, errors + (error is null ? 0 : 1));
        if (error is null)
        {
            CompleteReads++;
            return;
        }

        bool crc = error is ParquetFormatException { Reason: var r } && r.Contains("CRC-32 mismatch", StringComparison.Ordinal);
        if (crc && kind is FuzzMutation.PageContent or FuzzMutation.Hostile)
        {
            CrcErrorsWithRecomputedCrc++;
        }

        if (error is ParquetFormatException { ReadBudget: not null })
        {
            BudgetRefusals++;
        }
        else if (!crc && error is ParquetFormatException { Column: not null } or ParquetNotSupportedException { Column: not null })
        {
            DecoderErrors++;
        }
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Cases} cases: {CompleteReads} complete reads, {BudgetRefusals} budget refusals, {DecoderErrors} decoder errors; max allocated {MaxAllocated:N0} bytes");
        foreach ((FuzzMutation kind, (int cases, int errors)) in _byKind.OrderBy(p => p.Key))
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\n  {kind}: {cases} cases, {errors} typed errors");
        }

        return text;
    }
}
