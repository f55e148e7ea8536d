using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Market;

/// <summary>Shared shape and ordering checks that raise <see cref="DomainValidationException"/>.</summary>
internal static class Guard
{
    public static void StrictlyIncreasing(ReadOnlySpan<DateOnly> dates, string what)
    {
        for (int i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new DomainValidationException(
                    ErrorCodes.NonMonotonicDates,
                    $"{what}: dates must be strictly increasing, but row {i} ({dates[i]:yyyy-MM-dd}) follows {dates[i - 1]:yyyy-MM-dd}.");
            }
        }
    }

    public static void SameLength(int expected, int actual, string what, string column)
    {
        if (expected != actual)
        {
            throw new DomainValidationException(
                ErrorCodes.ShapeMismatch,
                $"{what}: column '{column}' has {actual} rows, expected {expected}.");
        }
    }

    public static void AllFinite(ReadOnlySpan<double> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new DomainValidationException(
                    ErrorCodes.NonFiniteValue, $"{what}: value at index {i} is {values[i]}; a finite number is required.");
            }
        }
    }
}
