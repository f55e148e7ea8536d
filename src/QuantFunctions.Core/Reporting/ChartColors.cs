namespace QuantFunctions.Core.Reporting;

/// <summary>The tear sheet's colours.</summary>
internal static class ChartColors
{
    public const string Strategy = "#348dc1";
    public const string Benchmark = "#e0a800";
    public const string Loss = "#d62728";
    public const string Gain = "#2ca02c";
    public const string Shade = "#d62728";

    /// <summary>A categorical palette (ten colours), for weights and regimes.</summary>
    public static string Category(int index) => Palette[index % Palette.Length];

    private static readonly string[] Palette = ["#348dc1", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
}
