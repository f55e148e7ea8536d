namespace QuantFunctions.Lake.Paths;

/// <summary>A bar interval of a bronze dataset: <c>1d</c>, <c>4h</c> or <c>1h</c>.</summary>
public readonly record struct BarInterval
{
    private BarInterval(string token, bool isIntraday)
    {
        Token = token;
        IsIntraday = isIntraday;
    }

    /// <summary>Daily bars (<c>1d</c>).</summary>
    public static BarInterval Daily { get; } = new("1d", false);

    /// <summary>Four-hour bars (<c>4h</c>).</summary>
    public static BarInterval FourHours { get; } = new("4h", true);

    /// <summary>Hourly bars (<c>1h</c>).</summary>
    public static BarInterval Hourly { get; } = new("1h", true);

    /// <summary>The path token, e.g. <c>1d</c>.</summary>
    public string Token { get; }

    /// <summary>True for intraday intervals, which partition by year and month.</summary>
    public bool IsIntraday { get; }

    /// <summary>Parses <c>1d</c>, <c>4h</c> or <c>1h</c>.</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static BarInterval Parse(string token) => token switch
    {
        "1d" => Daily,
        "4h" => FourHours,
        "1h" => Hourly,
        _ => throw new ArgumentException($"Invalid interval '{token}': expected 1d, 4h or 1h.", nameof(token)),
    };

    /// <inheritdoc/>
    public override string ToString() => Token ?? string.Empty;
}
