using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Stages.DataOps;

/// <summary>Parameters of <c>dataops.features</c> (feature windows default to <see cref="Core.Features.FeatureOptions"/>).</summary>
public sealed record FeaturesParameters
{
    /// <summary>The universe written to silver (e.g. <c>crypto_spot</c>); defaults to the node's for_each item.</summary>
    public string? Universe { get; init; }

    /// <summary>Universe → bronze market (e.g. <c>{"crypto_spot": "binance"}</c>).</summary>
    [Required]
    public Dictionary<string, string> Markets { get; init; } = [];

    /// <summary>Universe → trading calendar id (XNYS, XNAS, XCRY, FX or a user calendar in the lake, docs/calendars.md).</summary>
    [Required]
    public Dictionary<string, string> Calendars { get; init; } = [];

    /// <summary>
    /// Backfill scope: only these symbols (the candidates) are computed and written; the store's other symbols are
    /// left untouched. Empty = every bronze symbol. A symbol absent from bronze fails the node.
    /// </summary>
    public List<string> Symbols { get; init; } = [];

    /// <summary>Symbols per written file (one file per block of symbols and year).</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; init; } = 100;

    /// <summary>Symbols computed in parallel (results do not depend on it).</summary>
    [Range(1, 64)]
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
