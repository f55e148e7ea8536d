using System.Text.Json.Nodes;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>What a stage did: rows read and written, what it wrote, what it read (fingerprinted), and a short summary.</summary>
public sealed record StageResult
{
    /// <summary>Rows read from the lake.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows written to the lake.</summary>
    public long RowsWritten { get; init; }

    /// <summary>The lake paths the stage wrote (files or dataset folders), in a stable order.</summary>
    public IReadOnlyList<LakePath> Outputs { get; init; } = [];

    /// <summary>Fingerprints of the inputs read, by input name (dataset fingerprint hex strings).</summary>
    public IReadOnlyDictionary<string, string> InputFingerprints { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A small JSON summary for the run record (counts, chosen symbols…); null for none.</summary>
    public JsonObject? Summary { get; init; }

    /// <summary>A result that read and wrote nothing.</summary>
    public static StageResult Empty { get; } = new();
}
