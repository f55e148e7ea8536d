namespace QuantFunctions.Core.Features;

/// <summary>Argument checks shared by the rolling kernels.</summary>
internal static class KernelGuard
{
    public static void SameLength(ReadOnlySpan<double> values, Span<double> destination, string destinationName)
    {
        if (destination.Length != values.Length)
        {
            throw new ArgumentException(
                $"Destination length {destination.Length} must equal the input length {values.Length}.", destinationName);
        }
    }

    public static void SameLength(int expected, int actual, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Length {actual} must equal the close length {expected}.", name);
        }
    }

    /// <summary>Checks a destination's length and fills its warm-up rows with NaN.</summary>
    public static void Prepare(ReadOnlySpan<double> values, Span<double> destination, int warmUp, string destinationName)
    {
        SameLength(values, destination, destinationName);
        WarmUp(destination, warmUp);
    }

    /// <summary>Fills <paramref name="destination"/>[0..count) with NaN (the warm-up region).</summary>
    public static void WarmUp(Span<double> destination, int count) =>
        destination[..Math.Min(count, destination.Length)].Fill(double.NaN);
}
