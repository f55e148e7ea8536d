using QuantFunctions.Core.Features;
using QuantFunctions.Core.Selection;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>The silver point-in-time feature store as selection reads it (<see cref="FeatureHistory"/>).</summary>
public static class SelectionFeatures
{
    /// <summary>
    /// Converts a <see cref="FeaturesTable"/> read (rows ordered by symbol, then ts) into a history keyed by bar date;
    /// every feature column the table holds is kept, so a standard needing one it lacks fails naming it.
    /// </summary>
    public static FeatureHistory FromTable(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        long[] ts = table.Timestamps("ts");
        var dates = new DateOnly[ts.Length];
        for (int i = 0; i < ts.Length; i++)
        {
            dates[i] = DateOnly.FromDateTime(FeaturesTable.FromMicros(ts[i]).UtcDateTime);
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string feature in FeatureColumns.All)
        {
            if (table.Schema.IndexOf(feature) >= 0)
            {
                columns[feature] = table.Doubles(feature);
            }
        }

        return new FeatureHistory(table.Strings("symbol"), dates, columns);
    }

    /// <summary>
    /// Merges several feature-store files (e.g. the per-year parts of one build, copied out of the lake) into one history:
    /// rows sorted by symbol, then ts; a feature column is kept when every table has it.
    /// </summary>
    /// <exception cref="ArgumentException">A (symbol, ts) pair repeats.</exception>
    public static FeatureHistory FromTables(IReadOnlyList<LakeTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var rows = new List<(string Symbol, long Ts, int Table, int Row)>();
        for (int k = 0; k < tables.Count; k++)
        {
            string[] symbols = tables[k].Strings("symbol");
            long[] ts = tables[k].Timestamps("ts");
            for (int i = 0; i < symbols.Length; i++)
            {
                rows.Add((symbols[i], ts[i], k, i));
            }
        }

        rows.Sort(static (a, b) => string.CompareOrdinal(a.Symbol, b.Symbol) is int c && c != 0 ? c : a.Ts.CompareTo(b.Ts));
        var dates = new DateOnly[rows.Count];
        var names = new string[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            (names[i], dates[i]) = (rows[i].Symbol, DateOnly.FromDateTime(FeaturesTable.FromMicros(rows[i].Ts).UtcDateTime));
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string feature in FeatureColumns.All)
        {
            if (!tables.All(t => t.Schema.IndexOf(feature) >= 0))
            {
                continue;
            }

            double[][] sources = [.. tables.Select(t => t.Doubles(feature))];
            double[] values = new double[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                values[i] = sources[rows[i].Table][rows[i].Row];
            }

            columns[feature] = values;
        }

        return new FeatureHistory(names, dates, columns);
    }
}
