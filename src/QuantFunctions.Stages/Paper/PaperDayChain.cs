using System.Globalization;

namespace QuantFunctions.Stages.Paper;

/// <summary>
/// The daily paper-trading chain (issue 16 item 4): DataOps for the day → the model pipeline → <c>paper.step</c>, three
/// runs as of the midnight after the trading day, one after the other, each only when the one before succeeded. The
/// run ids derive from the account and the day (<c>paper-{meta}-{yyyymmdd}-data</c>, <c>…-model</c> and the paper run
/// <c>paper-{meta}-{yyyymmdd}</c>, which trades the model run's targets), so running a day again resumes the same runs
/// and changes nothing. The Functions paper timer and <c>quant paper step --date D</c> run the same chain.
/// </summary>
public sealed record PaperDayChain
{
    /// <summary>The seed of every run of the chain.</summary>
    public const int Seed = 42;

    /// <summary>The DataOps pipeline run first.</summary>
    public string DataPipeline { get; init; } = "dataops";

    /// <summary>The model pipeline whose <c>meta.orders</c> targets are traded (it takes a <c>meta</c> parameter).</summary>
    public string ModelPipeline { get; init; } = "meta";

    /// <summary>The paper pipeline (one <c>paper.step</c>; it takes <c>meta</c> and <c>model_run</c>).</summary>
    public string PaperPipeline { get; init; } = "paper";

    /// <summary>The paper account: the meta-portfolio id.</summary>
    public string Meta { get; init; } = "meta";

    /// <summary>The as-of time of a day's runs: the midnight (UTC) after it, so every bar of the day is known.</summary>
    public static DateTimeOffset AsOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The paper run id of a day: <c>paper-{meta}-{yyyymmdd}</c> (what <c>paper.step</c> requires).</summary>
    public string PaperRunId(DateOnly day) => $"paper-{Meta}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The day's three runs in order, the paper run's <paramref name="paperSet"/> (limits, capital…) added to its parameters.</summary>
    public IReadOnlyList<PaperDayStep> Steps(DateOnly day, IReadOnlyDictionary<string, string>? paperSet = null)
    {
        string paper = PaperRunId(day);
        string model = paper + "-model";
        var paperParameters = new Dictionary<string, string>(paperSet ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["meta"] = Meta, ["model_run"] = model };
        return
        [
            new PaperDayStep(DataPipeline, paper + "-data", new Dictionary<string, string>(StringComparer.Ordinal)),
            new PaperDayStep(ModelPipeline, model, new Dictionary<string, string>(StringComparer.Ordinal) { ["meta"] = Meta }),
            new PaperDayStep(PaperPipeline, paper, paperParameters),
        ];
    }
}
