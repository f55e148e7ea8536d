namespace QuantFunctions.Core.Tests.Market;

/// <summary>Tolerance assertions for floating-point results.</summary>
internal static class Approx
{
    public static void Rel(double expected, double actual, double relTolerance, string what = "")
    {
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(
            Math.Abs(expected - actual) <= relTolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (rel diff {Math.Abs(expected - actual) / scale:E2} > {relTolerance:E0})");
    }

    public static void Abs(double expected, double actual, double absTolerance, string what = "")
    {
        Assert.True(
            Math.Abs(expected - actual) <= absTolerance,
            $"{what}: expected {expected:R}, got {actual:R} (abs diff {Math.Abs(expected - actual):E2} > {absTolerance:E0})");
    }
}
