using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.Datasets;

public sealed class BarsTableTests
{
    private static readonly DateOnly D1 = new(2024, 1, 2), D2 = new(2024, 1, 3), D3 = new(2024, 1, 4);

    private static BarSeries Series(string symbol, DateOnly[] dates, double firstClose) =>
        new(Symbol.Parse(symbol),
            dates,
            [.. dates.Select((_, i) => firstClose + i)],
            [.. dates.Select((_, i) => firstClose + i + 2)],
            [.. dates.Select((_, i) => firstClose + i - 2)],
            [.. dates.Select((_, i) => firstClose + i + 1)],
            [.. dates.Select((_, i) => 1000.0 * (i + 1))]);

    [Fact]
    public async Task FromSeries_ThroughParquetThenToSeries_RoundTripsInSymbolOrder()
    {
        // Given out of ordinal order; ToSeries returns symbols ordinal, dates ascending.
        BarSeries[] input = [Series("XNYS:ZZZ", [D1, D3], 50), Series("XNYS:AAA", [D1, D2, D3], 10)];
        LakeTable table = BarsTable.FromSeries(input, D1, D3);
        var lake = new InMemoryLakeStore();
        LakePath path = LakePath.Parse("bronze/xnys/spot/ohlcv/schema=v1/interval=1d/year=2024/part-test.parquet");
        await LakeTableStore.WriteAsync(lake, path, table, LakeWriteMode.CreateOnly);

        IReadOnlyList<BarSeries> output = BarsTable.ToSeries(await LakeTableStore.ReadAsync(lake, path));

        Assert.Equal(5, table.RowCount);
        Assert.Equal(["XNYS:AAA", "XNYS:ZZZ"], output.Select(s => s.Symbol.Value));
        foreach (BarSeries expected in input)
        {
            BarSeries actual = output.Single(s => s.Symbol == expected.Symbol);
            Assert.Equal(expected.Dates, actual.Dates);
            Assert.Equal(expected.Open, actual.Open);
            Assert.Equal(expected.High, actual.High);
            Assert.Equal(expected.Low, actual.Low);
            Assert.Equal(expected.Close, actual.Close);
            Assert.Equal(expected.Volume, actual.Volume);
        }
    }

    [Fact]
    public void FromSeries_DateWindow_KeepsOnlyDatesInside()
    {
        LakeTable table = BarsTable.FromSeries([Series("XNYS:AAA", [D1, D2, D3], 10)], D2, D2);

        Assert.Equal(1, table.RowCount);
        Assert.Equal([LongPanel.ToDays(D2)], table.DateDays("date"));
        Assert.Equal([12.0], table.Doubles("close")); // close of the second bar: 10 + 1 + 1
    }

    [Fact]
    public void ToSeries_DuplicateDate_ThrowsNamingSymbolAndDate()
    {
        LakeTable table = BarsTable.FromSeries([Series("XNYS:AAA", [D1, D2], 10), Series("XNYS:AAA", [D2], 20)], D1, D3);

        DatasetSchemaException error = Assert.Throws<DatasetSchemaException>(() => BarsTable.ToSeries(table));

        Assert.Contains("XNYS:AAA", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-03", error.Message, StringComparison.Ordinal);
    }
}
