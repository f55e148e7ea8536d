using System.Globalization;
using System.Text.Json;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Allocation;

/// <summary>Reads ../shared/data/refcases (cases.json and the CSVs) for the peer-library reference tests.</summary>
internal static class RefCases
{
    private static readonly Lazy<JsonDocument> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("data", "refcases", "cases.json"))));

    private static readonly Lazy<ReturnPanel> PypfoptReturnsLazy = new(() =>
    {
        (string[] names, int rows, double[] values) = ReadTable(SharedData.PathOf("data", "refcases", "data", "pypfopt_stock_prices.csv"));
        return ReturnCalculator.FromPrices(ReturnPanel.Undated(names, rows, values));
    });

    /// <summary>The "expected" object of a case.</summary>
    public static JsonElement Expected(string id) => Case(id).GetProperty("expected");

    public static JsonElement Case(string id)
    {
        foreach (JsonElement c in Cases.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("id").GetString() == id)
            {
                return c;
            }
        }

        throw new KeyNotFoundException(id);
    }

    /// <summary>PyPortfolioOpt's stock prices as returns: pct_change(fill_method=None).dropna(how="all").</summary>
    public static ReturnPanel PypfoptReturns => PypfoptReturnsLazy.Value;

    /// <summary>A named vector in asset order (from a JSON object keyed by ticker).</summary>
    public static double[] ByAsset(JsonElement obj, IReadOnlyList<string> assets)
    {
        double[] v = new double[assets.Count];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = obj.GetProperty(assets[i]).GetDouble();
        }

        return v;
    }

    public static double[] Array(JsonElement arr)
    {
        var list = new List<double>();
        foreach (JsonElement e in arr.EnumerateArray())
        {
            list.Add(e.GetDouble());
        }

        return [.. list];
    }

    /// <summary>Asserts |expected[i] − actual[i]| ≤ tolerance for every i.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i], tolerance);
        }
    }

    /// <summary>Reads a CSV with a header and a first label column into (names, rows, column-major values); empty = NaN.</summary>
    public static (string[] Names, int Rows, double[] Values) ReadTable(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] names = lines[0].Split(',')[1..];
        int rows = lines.Length - 1;
        double[] values = new double[rows * names.Length];
        for (int r = 0; r < rows; r++)
        {
            string[] cells = lines[r + 1].Split(',');
            for (int j = 0; j < names.Length; j++)
            {
                string c = cells[j + 1];
                values[(j * rows) + r] = c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture);
            }
        }

        return (names, rows, values);
    }

    /// <summary>Selects rows [from, to) and the given columns of a column-major table.</summary>
    public static double[] Slice(double[] values, int rows, int[] columns, int from, int to)
    {
        int len = to - from;
        double[] r = new double[len * columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            System.Array.Copy(values, (columns[j] * rows) + from, r, j * len, len);
        }

        return r;
    }
}
