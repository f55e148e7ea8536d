using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Stages.Promotion;

/// <summary>What <see cref="Promoter"/> checks a run against.</summary>
public sealed record PromotionOptions
{
    /// <summary>The meta-portfolio (or sleeve) the run's orders and paper book belong to.</summary>
    public string Meta { get; init; } = "meta";

    /// <summary>Consecutive paper days, up to the latest, without a tripped limit that <c>paper_burn_in</c> requires.</summary>
    /// <value>Default 20.</value>
    public int BurnInDays { get; init; } = 20;

    /// <summary>The paper pipeline and version whose book is the burn-in evidence.</summary>
    public string PaperPipeline { get; init; } = "paper";

    /// <summary>The paper pipeline's version.</summary>
    public string PaperVersion { get; init; } = "1.0.0";

    /// <summary>
    /// The tournament run whose strict scoreboard is the evidence of <c>strict_scoreboard</c> and <c>baseline_rows</c>
    /// (<c>quant promote --tournament RUN</c>); null reads a scoreboard under the promoted run's own gold.
    /// </summary>
    public RunRecord? Tournament { get; init; }

    /// <summary>Explicit exceptions: gate id → reason. A gate that does not pass but has one is <see cref="GateStatus.Waived"/>, with the reason recorded.</summary>
    public IReadOnlyDictionary<string, string> Exceptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
