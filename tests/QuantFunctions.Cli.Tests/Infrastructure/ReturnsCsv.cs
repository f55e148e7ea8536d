using System.Globalization;
using System.Text;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>Writes a returns CSV as <c>quant allocate</c> and <c>quant metrics</c> read it: a header, an optional index column, round-trip numbers, NaN as an empty cell.</summary>
public static class ReturnsCsv
{
    /// <summary>Writes <paramref name="columns"/> (one array per column) to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, string[] header, string[]? index, params double[][] columns)
    {
        var sb = new StringBuilder(string.Join(',', header)).Append('\n');
        for (int t = 0; t < columns[0].Length; t++)
        {
            var cells = new List<string>();
            if (index is not null)
            {
                cells.Add(index[t]);
            }

            foreach (double[] column in columns)
            {
                cells.Add(double.IsNaN(column[t]) ? string.Empty : column[t].ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append(string.Join(',', cells)).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
