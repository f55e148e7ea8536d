using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>The simulator registry: parses <c>t1</c> / <c>t2</c> / <c>t3</c> and creates the simulator.</summary>
public static class Simulators
{
    /// <summary>The ids in order, as manifests write them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["t1", "t2", "t3"];

    /// <summary>Parses an id (case-insensitive).</summary>
    /// <param name="name"><c>t1</c>, <c>t2</c> or <c>t3</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.UnknownSimulator"/>.</exception>
    public static SimulatorId Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "T1" => SimulatorId.T1,
        "T2" => SimulatorId.T2,
        "T3" => SimulatorId.T3,
        _ => throw new DomainValidationException(ErrorCodes.UnknownSimulator, $"Unknown simulator '{name}': use t1, t2 or t3."),
    };

    /// <summary>The manifest name of an id (<c>t1</c>, <c>t2</c>, <c>t3</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The name.</returns>
    public static string NameOf(SimulatorId id) => id switch
    {
        SimulatorId.T1 => "t1",
        SimulatorId.T2 => "t2",
        SimulatorId.T3 => "t3",
        _ => throw new DomainValidationException(ErrorCodes.UnknownSimulator, $"Unknown simulator {(int)id}."),
    };

    /// <summary>Creates the simulator of an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The simulator.</returns>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.UnknownSimulator"/>.</exception>
    public static ISimulator Create(SimulatorId id) => id switch
    {
        SimulatorId.T1 => new VectorisedSimulator(),
        SimulatorId.T2 => new DriftSimulator(),
        SimulatorId.T3 => new EventDrivenSimulator(),
        _ => throw new DomainValidationException(ErrorCodes.UnknownSimulator, $"Unknown simulator {(int)id}."),
    };
}
