using System.Text.Json;
using Microsoft.DurableTask.Client;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Runs;

/// <summary>Finds a run by id: its Durable instance (the instance id is the run id) and its <c>run.json</c> in the lake.</summary>
/// <param name="store">The run store over the lake.</param>
public sealed class RunLocator(RunStore store)
{
    /// <summary>Finds <paramref name="runId"/>; 400 for a malformed id, 404 when neither an instance nor a record exists.</summary>
    public async Task<ApiResult<RunView>> FindAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!RunId.TryParse(runId, out _))
        {
            return new ApiProblem(ErrorCodes.BadRunId, $"Run id '{runId}' is invalid: 1-{RunId.MaxLength} characters of lowercase [a-z0-9_-], starting with a letter or digit.");
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        RunStart? start = instance is null ? null : InputOf(instance);
        RunRecord? record;
        try
        {
            record = ScopeOf(start) is { } scope
                ? await store.TryLoadAsync(scope, runId, cancellationToken).ConfigureAwait(false)
                : await store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (RunStateException ex)
        {
            return new ApiProblem(ex.Code, ex.Message);
        }

        return instance is null && record is null ? ApiProblem.NotFound(runId) : ApiResult<RunView>.Ok(new RunView(runId, instance, start, record));
    }

    /// <summary>The scope a start names: a restart's <see cref="RunStart.Scope"/>, else the <c>scope</c> of its manifest.</summary>
    public static string? ScopeOf(RunStart? start) =>
        start?.Scope is { Length: > 0 } scope ? scope : ManifestIdentifier(start, "scope");

    /// <summary>The pipeline id of a new run's start (the <c>id</c> of its manifest); null for a restart.</summary>
    public static string? PipelineOf(RunStart? start) => ManifestIdentifier(start, "id");

    // A lake identifier member of the start's manifest JSON, or null.
    private static string? ManifestIdentifier(RunStart? start, string member)
    {
        if (start?.ManifestJson is null)
        {
            return null;
        }

        try
        {
            using var manifest = JsonDocument.Parse(start.ManifestJson);
            return manifest.RootElement.ValueKind == JsonValueKind.Object
                && manifest.RootElement.TryGetProperty(member, out JsonElement value)
                && value.ValueKind == JsonValueKind.String
                && LakeIdentifier.TryParse(value.GetString(), out _)
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // An instance whose input is not a RunStart (another app's orchestration on the hub) has no start.
    private static RunStart? InputOf(OrchestrationMetadata instance)
    {
        try
        {
            return instance.SerializedInput is null ? null : instance.ReadInputAs<RunStart>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
