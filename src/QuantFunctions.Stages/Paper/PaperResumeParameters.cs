using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Stages.Paper;

/// <summary>Parameters of <c>paper.resume</c>.</summary>
public sealed record PaperResumeParameters
{
    /// <summary>The paper account.</summary>
    [Required]
    public string Meta { get; init; } = "meta";

    /// <summary>Why trading may resume: recorded in the audit ledger and in <c>resume.json</c>.</summary>
    /// <remarks>Checked when the stage runs (at least 3 characters), so the shipped manifest can declare it without a usable default.</remarks>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The paper pipeline whose book is resumed.</summary>
    public string PaperPipeline { get; init; } = "paper";

    /// <summary>The paper pipeline's version.</summary>
    public string PaperVersion { get; init; } = "1.0.0";
}
