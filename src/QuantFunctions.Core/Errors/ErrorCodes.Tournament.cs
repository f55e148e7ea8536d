namespace QuantFunctions.Core.Errors;

/// <content>Tournaments (matrix cells, standards, risk profiles) and the meta-portfolio's sign test and report.</content>
public static partial class ErrorCodes
{
    /// <summary>A tournament cell id that is not a combination of the manifest's matrix axes, or an unknown standard or risk profile.</summary>
    public static readonly ErrorCode TournamentCellInvalid = new("tournament.cell_invalid", ErrorCategory.InvalidInput);

    /// <summary>A sleeve's pre- or post-optimisation weights point against its declared direction (the directional sign test).</summary>
    public static readonly ErrorCode MetaSignTestFailed = new("meta.sign_test_failed", ErrorCategory.DataQuality);

    /// <summary>A meta-portfolio of one sleeve that does not declare <c>allow_single_sleeve</c>.</summary>
    public static readonly ErrorCode MetaSingleSleeve = new("meta.single_sleeve", ErrorCategory.InvalidInput);

    /// <summary>The meta-portfolio report lacks a required section.</summary>
    public static readonly ErrorCode MetaReportIncomplete = new("meta.report_incomplete", ErrorCategory.Internal);
}
