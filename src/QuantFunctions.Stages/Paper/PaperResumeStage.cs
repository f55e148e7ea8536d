using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Paper;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Paper;

/// <summary>
/// <c>paper.resume</c>: the explicit, audited action that clears a tripped kill switch (seed 002: "no silent overrides").
/// Its run id must be <c>paper-{meta}-{yyyymmdd}-resume</c> for the book's last day; it writes <c>resume.json</c> (reason,
/// the trip it clears) next to the books and records the same in its run's ledger. The next <c>paper.step</c> applies it.
/// </summary>
public sealed class PaperResumeStage : LakeStage<PaperResumeParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "paper.resume";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, PaperResumeParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StageInput>>([]);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PaperResumeParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Reason.Trim().Length < 3)
        {
            throw new ArgumentException($"node '{context.NodeKey}': a resume needs a reason of at least 3 characters (no silent overrides)");
        }

        var store = new PaperStore(context.Lake, LakeIdentifier.Parse(parameters.Meta, "meta"), LakeIdentifier.Parse(parameters.PaperPipeline, "paper_pipeline"), SemVer.Parse(parameters.PaperVersion));
        IReadOnlyList<DateOnly> days = await store.DaysAsync(cancellationToken);
        if (days.Count == 0)
        {
            throw new TradingException(ErrorCodes.TradingBookState, $"'{parameters.Meta}' has no paper book to resume");
        }

        DateOnly last = days[^1];
        if (!string.Equals(context.RunId.Value, store.ResumeRunIdOf(last), StringComparison.Ordinal))
        {
            throw new ArgumentException($"node '{context.NodeKey}': the resume of the book of {last:yyyy-MM-dd} is the run '{store.ResumeRunIdOf(last)}', not '{context.RunId}'");
        }

        PaperBook book = PaperBookJson.FromJson((await store.ReadBookAsync(last, cancellationToken))!).Book;
        PaperBook resumed = PaperBroker.Resume(book);
        var record = new JsonObject
        {
            ["meta"] = parameters.Meta,
            ["book_date"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reason"] = parameters.Reason,
            ["cleared"] = book.KillSwitch.Reason,
            ["tripped_on"] = book.KillSwitch.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["peak_equity_reset_to"] = resumed.PeakEquity,
            ["resume_run"] = context.RunId.Value,
        };
        LakePath path = store.ResumePath(last);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, path, StageJson.ToBytes(record), cancellationToken);
        await context.AuditAsync("paper.resume", record.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsWritten = 1, Outputs = [Output("resume", path)], Summary = record };
    }
}
