using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>What a stage did: rows read and written, what it wrote, what it read (fingerprinted), and a short summary.</summary>
public sealed record StageResult
{
    /// <summary>Rows read from the lake.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows written to the lake.</summary>
    public long RowsWritten { get; init; }

    /// <summary>What the stage wrote (name and lake path of each output), in a stable order.</summary>
    public IReadOnlyList<OutputLocation> Outputs { get; init; } = [];

    /// <summary>The fingerprints of the datasets the stage read (recorded in <c>stage.json</c> and <c>run.json</c>).</summary>
    public IReadOnlyList<InputFingerprint> Inputs { get; init; } = [];

    /// <summary>A small JSON summary for the audit ledger (counts, chosen symbols…); null for none.</summary>
    public JsonObject? Summary { get; init; }

    /// <summary>
    /// The risk profile the node resolved and applied, in words (a tournament cell's profile, engine and simulator; a
    /// sleeve's direction, standard and engine; a meta-portfolio's engine and simulator): recorded in <c>stage.json</c>
    /// and named in the run's <c>INDEX.md</c>; null when the stage has none.
    /// </summary>
    public string? RiskProfile { get; init; }

    /// <summary>A result that read and wrote nothing.</summary>
    public static StageResult Empty { get; } = new();
}
