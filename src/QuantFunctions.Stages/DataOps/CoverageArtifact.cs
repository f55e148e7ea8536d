using System.Text.Json;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// The coverage artifact of an ingestion (seed 000 §3 items 17–20), written as snake_case JSON and
/// linked from the run's ledger: run id, profile, one entry per fetch round, the symbols that still
/// failed (deduplicated, ordinal), and the resulting coverage and status.
/// </summary>
/// <remarks>Coverage = (requested − failed) / requested; status OK at 100 %, otherwise WARN or FAIL per <see cref="CoveragePolicy"/>.</remarks>
public sealed record CoverageArtifact
{
    /// <summary>The fields every artifact must carry.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["run_id", "profile", "attempts", "failed_symbols"];

    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The ingestion profile (e.g. <c>binance/spot</c>).</summary>
    public required string Profile { get; init; }

    /// <summary>Fetch rounds in order.</summary>
    public required IReadOnlyList<CoverageAttempt> Attempts { get; init; }

    /// <summary>Symbols still failing after the last round, deduplicated and ordinal.</summary>
    public required IReadOnlyList<string> FailedSymbols { get; init; }

    /// <summary>Symbols requested.</summary>
    public int Requested { get; init; }

    /// <summary>Fraction of requested symbols fetched.</summary>
    public double Coverage { get; init; }

    /// <summary><c>OK</c>, <c>WARN</c> or <c>FAIL</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Symbols stale after the sync (ordinal).</summary>
    public IReadOnlyList<string> StaleSymbols { get; init; } = [];

    /// <summary>Every HTTP attempt of every fetch (request, attempt, status, error, retry delay), in order; empty for local providers.</summary>
    public IReadOnlyList<ProviderAttempt> HttpAttempts { get; init; } = [];

    /// <summary>Every HTTP attempt of the discovery that chose the symbols (a screener scan), in order; empty for a provider's own discovery.</summary>
    public IReadOnlyList<ProviderAttempt> DiscoveryAttempts { get; init; } = [];

    /// <summary>Rows dropped by validation in lenient mode.</summary>
    public IReadOnlyList<RowIssue> RejectedRows { get; init; } = [];

    /// <summary>The artifact as JSON bytes.</summary>
    public byte[] ToJson() => StageJson.ToBytes(this);

    /// <summary>
    /// Checks an artifact's JSON: every <see cref="RequiredFields"/> present, <c>attempts</c> non-empty with
    /// index/fetched/failed/duration_ms each, <c>failed_symbols</c> without duplicates.
    /// </summary>
    /// <returns>The problems found (empty when valid).</returns>
    public static IReadOnlyList<string> Check(ReadOnlySpan<byte> json)
    {
        var problems = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ["the artifact is not a JSON object"];
            }

            foreach (string field in RequiredFields)
            {
                if (!root.TryGetProperty(field, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
                {
                    problems.Add($"missing field '{field}'");
                }
            }

            if (root.TryGetProperty("attempts", out JsonElement attempts))
            {
                if (attempts.ValueKind != JsonValueKind.Array || attempts.GetArrayLength() == 0)
                {
                    problems.Add("'attempts' is empty");
                }
                else
                {
                    int i = 0;
                    foreach (JsonElement a in attempts.EnumerateArray())
                    {
                        foreach (string f in (string[])["index", "fetched", "failed", "duration_ms"])
                        {
                            if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty(f, out JsonElement x) || x.ValueKind != JsonValueKind.Number)
                            {
                                problems.Add($"attempts[{i}] lacks numeric '{f}'");
                            }
                        }

                        i++;
                    }
                }
            }

            if (root.TryGetProperty("failed_symbols", out JsonElement failed) && failed.ValueKind == JsonValueKind.Array)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonElement s in failed.EnumerateArray())
                {
                    if (!seen.Add(s.GetString() ?? string.Empty))
                    {
                        problems.Add($"failed_symbols lists '{s.GetString()}' twice");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Checks an artifact; in strict mode any problem is an error.</summary>
    /// <exception cref="IngestException">Strict mode and the artifact is missing fields, empty or has duplicates.</exception>
    public static IReadOnlyList<string> Verify(ReadOnlySpan<byte> json, bool strict)
    {
        IReadOnlyList<string> problems = Check(json);
        if (strict && problems.Count > 0)
        {
            throw new IngestException($"coverage artifact invalid (strict mode): {string.Join("; ", problems)}");
        }

        return problems;
    }
}
