using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// The one check of a run's overrides against its pipeline, for every engine and caller: a stage override must name a
/// registered stage and apply to a node of this pipeline (its scope, id and version); a remote caller
/// (<see cref="OverrideAuthority.Remote"/>) may change only parameters marked <see cref="OverridableAttribute"/>, no
/// pipeline parameter by <c>name=value</c>, and set a declared parameter only when it feeds overridable stage parameters
/// alone. Nothing is ignored silently: each refused override is an error naming it.
/// </summary>
internal static class OverrideCheck
{
    /// <summary>Adds an error per refused override and returns the others (which are then bound and validated).</summary>
    public static ParameterOverrides Accepted(PipelineManifest manifest, StageRegistry registry, ParameterOverrides overrides, List<ManifestError> errors)
    {
        var refused = new HashSet<ParameterOverride>(ReferenceEqualityComparer.Instance);
        var refusedPipeline = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParameterOverride o in overrides.Stage)
        {
            ManifestError? error = Check(manifest, registry, overrides.Authority, o);
            if (error is not null)
            {
                errors.Add(error);
                refused.Add(o);
            }
        }

        var refusedValues = new HashSet<string>(StringComparer.Ordinal);
        if (overrides.Authority == OverrideAuthority.Remote)
        {
            foreach (string name in overrides.Pipeline.Keys.Order(StringComparer.Ordinal))
            {
                errors.Add(new ManifestError(ManifestErrorCode.NotOverridable, manifest.Source, null,
                    $"pipeline parameter '{name}' is fixed by the manifest for remote callers (only stage parameters marked overridable may be overridden; see 'quant stage schema')"));
                refusedPipeline.Add(name);
            }

            foreach (string name in overrides.Values.Keys.Order(StringComparer.Ordinal))
            {
                if (manifest.Parameters.TryGetValue(name, out ManifestParameter? parameter) && FixedForRemote(manifest, registry, parameter) is string reason)
                {
                    errors.Add(new ManifestError(ManifestErrorCode.NotOverridable, manifest.Source, null,
                        $"set '{name}': parameter '{name}' is fixed by the manifest for remote callers ({reason})"));
                    refusedValues.Add(name);
                }
            }
        }

        return overrides.Without(refused, refusedPipeline, refusedValues);
    }

    /// <summary>
    /// Why a remote caller may not set <paramref name="parameter"/>, or null when it may: a declared parameter that feeds
    /// only stage parameters marked overridable and no <c>for_each</c> (so <c>set</c> reaches nothing <c>params</c> could not).
    /// </summary>
    private static string? FixedForRemote(PipelineManifest manifest, StageRegistry registry, ManifestParameter parameter)
    {
        if (!parameter.IsDeclared)
        {
            return "a pipeline parameter in the short form 'name: default'";
        }

        foreach (ManifestNode node in manifest.Nodes)
        {
            if (node.ForEach?.Parameter == parameter.Name || node.ForEach?.Matrix.Contains(parameter.Name, StringComparer.Ordinal) == true)
            {
                return $"node '{node.Id}' fans out over it";
            }

            foreach ((string name, System.Text.Json.JsonElement value) in node.Params)
            {
                if (ParameterReferences.In(value).Contains(parameter.Name, StringComparer.Ordinal)
                    && (!registry.TryGet(node.Stage, out StageDescriptor? stage) || !stage.OverridableParameters.Contains(name)))
                {
                    return $"it sets '{name}' of node '{node.Id}', which stage '{node.Stage}' does not mark overridable";
                }
            }
        }

        return null;
    }

    private static ManifestError? Check(PipelineManifest manifest, StageRegistry registry, OverrideAuthority authority, ParameterOverride o)
    {
        if (!registry.TryGet(o.StageId, out StageDescriptor? stage))
        {
            return new ManifestError(ManifestErrorCode.UnknownStage, manifest.Source, null,
                $"override '{o.Text}' names unknown stage '{o.StageId}' (stages of pipeline '{manifest.Id}': {StagesOf(manifest)})");
        }

        if (!manifest.Nodes.Any(n => o.AppliesTo(manifest.Scope, manifest.Id, manifest.Version, n.Stage)))
        {
            return new ManifestError(ManifestErrorCode.UnmatchedOverride, manifest.Source, null,
                $"override '{o.Text}' applies to no node of pipeline {manifest.Scope}/{manifest.Id}@{manifest.Version} (its stages: {StagesOf(manifest)})");
        }

        if (authority == OverrideAuthority.Remote && stage.Binder.Has(o.Name) && !stage.OverridableParameters.Contains(o.Name))
        {
            string allowed = stage.OverridableParameters.Count == 0 ? "none" : string.Join(", ", stage.OverridableParameters);
            return new ManifestError(ManifestErrorCode.NotOverridable, manifest.Source, null,
                $"override '{o.Text}': parameter '{o.Name}' of stage '{o.StageId}' is fixed by the manifest for remote callers (overridable: {allowed})");
        }

        return null;
    }

    private static string StagesOf(PipelineManifest manifest) =>
        string.Join(", ", manifest.Nodes.Select(n => n.Stage).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
