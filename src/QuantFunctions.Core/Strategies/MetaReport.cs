namespace QuantFunctions.Core.Strategies;

/// <summary>What <see cref="MetaReportRenderer"/> writes into <c>meta_portfolio_report.md</c>.</summary>
public sealed record MetaReport
{
    /// <summary>The meta-portfolio id.</summary>
    public required string Meta { get; init; }

    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>Scope/pipeline@version of the run.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The run's as-of, ISO-8601.</summary>
    public required string AsOf { get; init; }

    /// <summary>The completeness table, one row per sleeve.</summary>
    public required IReadOnlyList<CompletenessRow> Completeness { get; init; }

    /// <summary>The sign test, one row per sleeve.</summary>
    public required IReadOnlyList<SignTestResult> SignTests { get; init; }

    /// <summary>The latest meta weights per sleeve, in sleeve order.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Weights { get; init; }

    /// <summary>The lake path of the run's forensic trace (written when the run ends).</summary>
    public required string ForensicTrace { get; init; }

    /// <summary>The lake path of the run's audit ledger.</summary>
    public required string AuditLedger { get; init; }
}
