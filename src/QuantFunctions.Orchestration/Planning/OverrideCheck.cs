using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// The one check of a run's overrides against its pipeline, for every engine and caller: a stage override must name a
/// registered stage and apply to a node of this pipeline (its scope, id and version); a remote caller
/// (<see cref="OverrideAuthority.Remote"/>) may change only parameters marked <see cref="OverridableAttribute"/> and no
/// pipeline parameter. Nothing is ignored silently: each refused override is an error naming it.
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

        if (overrides.Authority == OverrideAuthority.Remote)
        {
            foreach (string name in overrides.Pipeline.Keys.Order(StringComparer.Ordinal))
            {
                errors.Add(new ManifestError(ManifestErrorCode.NotOverridable, manifest.Source, null,
                    $"pipeline parameter '{name}' is fixed by the manifest for remote callers (only stage parameters marked overridable may be overridden; see 'quant stage schema')"));
                refusedPipeline.Add(name);
            }
        }

        return overrides.Without(refused, refusedPipeline);
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
