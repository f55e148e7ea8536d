namespace QuantFunctions.Durable.Tests.Fakes;

/// <summary>Parameters of the fake stages (none needed).</summary>
public sealed record SleeveParameters
{
    public string Note { get; init; } = "";
}
