using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>
/// What starts (or restarts) one execution of a run on an engine that runs its nodes elsewhere (a Durable
/// orchestration's input). A new run carries its manifest; a restart names a recorded run.
/// </summary>
public sealed record RunStart
{
    /// <summary>The run id (also the Durable instance id).</summary>
    public required string RunId { get; init; }

    /// <summary>The execution attempt this is: 1 for a new run, the recorded attempt + 1 for a restart. A step delivered again finds it recorded and does nothing twice.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The manifest JSON of a new run; null for a restart.</summary>
    public string? ManifestJson { get; init; }

    /// <summary>Where the manifest came from (named in its validation errors).</summary>
    public string? ManifestSource { get; init; }

    /// <summary>The scope of the recorded run a restart continues; null for a new run.</summary>
    public string? Scope { get; init; }

    /// <summary>The run seed.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The run's as-of time.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>Parameter override assignments.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The values of the manifest's declared parameters (<see cref="RunSettings.Parameters"/>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The code version recorded in <c>run.json</c>.</summary>
    public string? GitSha { get; init; }

    /// <summary>The start of a new run of <paramref name="manifest"/> with <paramref name="settings"/>.</summary>
    public static RunStart NewRun(PipelineManifest manifest, string runId, RunSettings settings, string? gitSha = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        return new RunStart
        {
            RunId = runId,
            ManifestJson = manifest.Json,
            ManifestSource = manifest.Source,
            Seed = settings.Seed,
            AsOf = settings.AsOf,
            Overrides = settings.Overrides,
            Parameters = settings.Parameters,
            GitSha = gitSha,
        };
    }

    /// <summary>True when this continues a recorded run (redoing only what did not succeed).</summary>
    public bool IsRestart => ManifestJson is null;
}
