using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Alpha;

/// <summary>Parameters of <c>alpha.regime</c>.</summary>
public sealed record RegimeParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }

    /// <summary>The model's id in the registry (<c>models/{sleeve}/{model_id}/…</c>).</summary>
    [Required]
    [RegularExpression("^[a-z0-9_]{1,64}$")]
    public string ModelId { get; init; } = "regime_hmm";

    /// <summary>A registered version to load (inference only, strict); null fits on the data as of the run and registers the fit.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>HMM states (2: NORMAL/CRISIS, 3: NORMAL/TURBULENT/CRISIS).</summary>
    [Range(2, 3)]
    [Overridable]
    public int States { get; init; } = 3;

    /// <summary>Baum-Welch restarts; the best log-likelihood is kept.</summary>
    [Range(1, 100)]
    public int Restarts { get; init; } = 10;

    /// <summary>Trailing window of the spectral and entropy features (even).</summary>
    [Range(8, 512)]
    public int Window { get; init; } = 32;

    /// <summary>Most recent days of the benchmark the model is fitted on and decodes.</summary>
    [Range(64, 20_000)]
    public int TrainingDays { get; init; } = 2520;

    /// <summary>Seed of the restarts' initialisations (recorded in the registry; the same data and parameters reuse a version).</summary>
    public int Seed { get; init; } = 42;
}
