using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.DataOps.Tests.Providers;

public sealed class OhlcvFileReaderDateTests
{
    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    [InlineData("1704067200", 2024, 1, 1)] // ten characters but epoch seconds
    public void ParseDate_TenCharacterCells_IsoDatesByDigitsElseEpoch(string cell, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), OhlcvFileReader.ParseDate(cell));

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("2024-01-3x")]
    public void ParseDate_ImpossibleIsoDates_Null(string cell) => Assert.Null(OhlcvFileReader.ParseDate(cell));
}
