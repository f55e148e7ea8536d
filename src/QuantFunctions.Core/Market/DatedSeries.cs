namespace QuantFunctions.Core.Market;

/// <summary>
/// One named numeric series on strictly increasing dates (a symbol's returns, an atom's stream, a
/// sleeve's returns). A date that is absent is "no observation"; values may also be NaN for that.
/// </summary>
public sealed class DatedSeries
{
    /// <summary>Creates a series; arrays are taken as is.</summary>
    /// <param name="name">The column name (a symbol, an atom id, a sleeve id).</param>
    /// <param name="dates">Strictly increasing dates.</param>
    /// <param name="values">One value per date.</param>
    /// <exception cref="DomainValidationException">On length mismatch or non-increasing dates.</exception>
    public DatedSeries(string name, DateOnly[] dates, double[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(values);
        Guard.SameLength(dates.Length, values.Length, $"series '{name}'", "values");
        Guard.StrictlyIncreasing(dates, $"series '{name}'");
        Name = name;
        Dates = dates;
        Values = values;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Strictly increasing dates.</summary>
    public DateOnly[] Dates { get; }

    /// <summary>One value per date.</summary>
    public double[] Values { get; }

    /// <summary>The number of rows.</summary>
    public int Count => Dates.Length;
}
