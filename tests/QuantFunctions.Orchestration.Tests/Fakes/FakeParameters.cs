using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Tests.Fakes;

/// <summary>Parameters of the fake stages: a range-checked integer (overridable by remote callers), a string, a list and a cross-field rule.</summary>
public sealed record FakeParameters : IValidatableObject
{
    [Description("How many assets to keep.")]
    [Range(1, 100)]
    [Overridable]
    public int TopN { get; init; } = 10;

    public string Direction { get; init; } = "long";

    public double Lookback { get; init; } = 20.5;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Direction is not ("long" or "short"))
        {
            yield return new ValidationResult("must be 'long' or 'short'", [nameof(Direction)]);
        }
    }
}
