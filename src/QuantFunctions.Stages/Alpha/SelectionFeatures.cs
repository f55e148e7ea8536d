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
}
