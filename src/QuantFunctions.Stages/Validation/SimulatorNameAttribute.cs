using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Backtesting;

namespace QuantFunctions.Stages.Validation;

/// <summary>Validates a simulator id: <c>t1</c>, <c>t2</c> or <c>t3</c> (case-insensitive).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SimulatorNameAttribute : ValidationAttribute
{
    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is string name && Simulators.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
            ? ValidationResult.Success
            : new ValidationResult($"must be one of {string.Join(", ", Simulators.Names)}");
}
