using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Tournaments;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Validation;

namespace QuantFunctions.Stages.Tournaments;

/// <summary>
/// Parameters shared by <c>tournament.cell</c> and <c>tournament.scoreboard</c>: the universe and DataOps hand-off the
/// cells read, what every cell shares (selection size, lookbacks, walk-forward windows and friction), the benchmark and
/// the strict gates. The cell itself (standard × engine × profile × simulator) is the node's for_each item.
/// </summary>
public sealed record TournamentParameters : WalkForwardParameters
{
    /// <summary>The tournament id: its <c>gold/{tournament}</c> folder.</summary>
    [Required]
    public string Tournament { get; init; } = "tournament";

    /// <summary>The silver universe every cell trades.</summary>
    [Required]
    public string Universe { get; init; } = "crypto_spot";

    /// <summary>The scope of the DataOps pipeline whose published hand-off the cells read.</summary>
    [Required]
    public string SourceScope { get; init; } = "demo";

    /// <summary>That DataOps pipeline.</summary>
    [Required]
    public string SourcePipeline { get; init; } = "dataops";

    /// <summary>Its version.</summary>
    [Required]
    public string SourceVersion { get; init; } = "1.0.0";

    /// <summary>The HTR winner floor of each book's selection (the selection relaxes its vetoes until it holds this many).</summary>
    [Range(1, 1000)]
    public int Floor { get; init; } = 15;

    /// <summary>Selection lookback (sessions), unless a cell sets its own.</summary>
    [Range(5, 5000)]
    public int Lookback { get; init; } = 60;

    /// <summary>Sessions the engine estimates risk on.</summary>
    [Range(10, 5000)]
    public int AllocationLookback { get; init; } = 60;

    /// <summary>Periods per year of the universe's returns.</summary>
    [Range(1, 366)]
    public int PeriodsPerYear { get; init; } = 365;

    /// <summary>The benchmark symbol (a column of the universe): the benchmark baseline holds only it.</summary>
    [Required]
    public string Benchmark { get; init; } = string.Empty;

    /// <summary>The simulator of the baseline rows.</summary>
    [Required]
    public string BaselineSimulator { get; init; } = CellSimulator.Drift;

    /// <summary>Strict gate: minimum net Sharpe.</summary>
    [Range(-10.0, 10.0)]
    [Overridable]
    public double MinSharpe { get; init; } = new ScoreboardGates().MinSharpe;

    /// <summary>Strict gate: deepest drawdown allowed (positive fraction).</summary>
    [Range(0.0, 1.0)]
    [Overridable]
    public double MaxDrawdown { get; init; } = new ScoreboardGates().MaxDrawdown;

    /// <summary>Strict gate: minimum walk-forward windows.</summary>
    [Range(1, 10000)]
    [Overridable]
    public int MinWindows { get; init; } = new ScoreboardGates().MinWindows;

    /// <summary>Strict gate: the winner floor, names selected in every window.</summary>
    [Range(1, 1000)]
    [Overridable]
    public int MinWinners { get; init; } = new ScoreboardGates().MinWinners;

    /// <summary>
    /// The cells' selection lookbacks (the <c>lookbacks</c> matrix axis, integers as strings), given with <see cref="Steps"/>
    /// to <c>tournament.select</c> so that it selects the books of every lookback × step; empty when the cells have none.
    /// </summary>
    public List<string> Lookbacks { get; init; } = [];

    /// <summary>The cells' rebalance steps (the <c>steps</c> matrix axis), with <see cref="Lookbacks"/>.</summary>
    public List<string> Steps { get; init; } = [];

    /// <summary>The selections of <paramref name="standard"/>: one per lookback × step, or the standard alone when neither is given.</summary>
    /// <exception cref="TournamentException">Only one of lookbacks and steps is given, or a value is not a positive integer.</exception>
    public IReadOnlyList<CellSelection> SelectionsOf(string standard)
    {
        if (Lookbacks.Count == 0 && Steps.Count == 0)
        {
            return [CellSelection.Parse(standard)];
        }

        if (Lookbacks.Count == 0 || Steps.Count == 0)
        {
            throw new TournamentException(Core.Errors.ErrorCodes.TournamentCellInvalid,
                $"Tournament '{Tournament}': lookbacks ({Lookbacks.Count}) and steps ({Steps.Count}) are given together or not at all.", Tournament);
        }

        var selections = new List<CellSelection>(Lookbacks.Count * Steps.Count);
        foreach (string lookback in Lookbacks)
        {
            foreach (string step in Steps)
            {
                selections.Add(CellSelection.Parse(string.Join("__", standard, lookback, step)));
            }
        }

        return selections;
    }

    /// <summary>What every cell shares.</summary>
    public CellSpec ToCellSpec() => new() { Floor = Floor, Lookback = Lookback, AllocationLookback = AllocationLookback, PeriodsPerYear = PeriodsPerYear };

    /// <summary>The strict gates.</summary>
    public ScoreboardGates ToGates() => new() { MinSharpe = MinSharpe, MaxDrawdown = MaxDrawdown, MinWindows = MinWindows, MinWinners = MinWinners };
}
