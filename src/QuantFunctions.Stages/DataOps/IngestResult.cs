using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.DataOps;

/// <summary>The outcome of an ingestion.</summary>
/// <param name="Symbols">Per symbol (ordinal): status, last bar before/after, rows added.</param>
/// <param name="RowsWritten">Rows added to bronze (0 when re-ingesting the same batch).</param>
/// <param name="Outputs">Raw payloads and bronze parts written (or already present with the same content).</param>
/// <param name="Coverage">The coverage artifact.</param>
/// <param name="Issues">Rows dropped by validation (lenient mode).</param>
public sealed record IngestResult(IReadOnlyList<SymbolSync> Symbols, long RowsWritten, IReadOnlyList<LakePath> Outputs, CoverageArtifact Coverage, IReadOnlyList<RowIssue> Issues);
