using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Allocation;

namespace QuantFunctions.Stages.Alpha;

/// <summary>A string parameter that must name a registered allocation engine (<see cref="AllocationEngineRegistry.Names"/>, case-insensitive); null passes.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AllocationEngineNameAttribute : ValidationAttribute
{
    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is string name && AllocationEngineRegistry.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            ? ValidationResult.Success
            : new ValidationResult($"must be one of {string.Join(", ", AllocationEngineRegistry.Names)}");
}
