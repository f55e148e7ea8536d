namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Marks a stage parameter that a remote caller (the HTTP API, <see cref="OverrideAuthority.Remote"/>) may override, with a
/// value within the property's declared type and validation range. Every parameter without it — URLs, paths, sources,
/// credentials, schedules, structure — is fixed by the manifest for remote callers; an operator (the CLI) may override all.
/// </summary>
/// <remarks>Mark only parameters whose every valid value is safe to accept from a caller: bounded, no I/O target.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class OverridableAttribute : Attribute;
