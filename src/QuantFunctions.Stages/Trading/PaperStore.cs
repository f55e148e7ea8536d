using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Trading;

/// <summary>
/// Where a paper account lives in the lake: one run per trading day, <c>paper-{meta}-{yyyymmdd}</c>, of the paper pipeline,
/// so each day's outputs are <c>gold/{meta}/{paper pipeline}/version={v}/{book|orders|fills|pnl}/run=paper-{meta}-{yyyymmdd}/</c>;
/// audited resumes of a tripped kill switch are <c>…/resume/run=paper-{meta}-{yyyymmdd}-resume/resume.json</c>.
/// </summary>
/// <param name="Lake">The lake.</param>
/// <param name="Meta">The account: the meta-portfolio (or sleeve) id.</param>
/// <param name="Pipeline">The paper pipeline id (default <c>paper</c>).</param>
/// <param name="Version">The paper pipeline version.</param>
public sealed record PaperStore(ILakeStore Lake, LakeIdentifier Meta, LakeIdentifier Pipeline, SemVer Version)
{
    /// <summary>The dataset holding each day's <c>book.json</c>.</summary>
    public const string BookDataset = "book";

    /// <summary>The dataset holding the resume records.</summary>
    public const string ResumeDataset = "resume";

    /// <summary>The run id of a trading day.</summary>
    public string RunIdOf(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"paper-{Meta.Value}-{date:yyyyMMdd}");

    /// <summary>The run id of the resume of the book of <paramref name="bookDate"/>.</summary>
    public string ResumeRunIdOf(DateOnly bookDate) => RunIdOf(bookDate) + "-resume";

    /// <summary>The <c>book.json</c> of a day.</summary>
    public LakePath BookPath(DateOnly date) => LakePathResolver.GoldFile(Meta, Pipeline, Version, LakeIdentifier.Parse(BookDataset), RunId.Parse(RunIdOf(date)), "book.json");

    /// <summary>The <c>resume.json</c> of the book of <paramref name="bookDate"/>.</summary>
    public LakePath ResumePath(DateOnly bookDate) => LakePathResolver.GoldFile(Meta, Pipeline, Version, LakeIdentifier.Parse(ResumeDataset), RunId.Parse(ResumeRunIdOf(bookDate)), "resume.json");

    /// <summary>Every traded day with a book, ascending.</summary>
    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken cancellationToken)
    {
        var days = new SortedSet<DateOnly>();
        string prefix = "run=paper-" + Meta.Value + "-";
        LakePath folder = LakePathResolver.GoldDataset(Meta, Pipeline, Version, LakeIdentifier.Parse(BookDataset));
        await foreach (LakeObjectInfo info in Lake.ListAsync(folder, cancellationToken))
        {
            if (info.Path.Name != "book.json")
            {
                continue;
            }

            string run = info.Path.Value.Split('/')[^2];
            if (run.StartsWith(prefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(run[prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
            {
                days.Add(day);
            }
        }

        return [.. days];
    }

    /// <summary>Reads a day's book document; null when the day was not traded.</summary>
    public async Task<JsonObject?> ReadBookAsync(DateOnly date, CancellationToken cancellationToken) =>
        await Lake.TryReadAsync(BookPath(date), cancellationToken) is { } obj ? JsonNode.Parse(obj.Content.Span)!.AsObject() : null;

    /// <summary>Reads the resume record of the book of <paramref name="bookDate"/>; null when there is none.</summary>
    public async Task<JsonObject?> ReadResumeAsync(DateOnly bookDate, CancellationToken cancellationToken) =>
        await Lake.TryReadAsync(ResumePath(bookDate), cancellationToken) is { } obj ? JsonNode.Parse(obj.Content.Span)!.AsObject() : null;
}
