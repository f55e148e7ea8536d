using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// The walk-forward windows over a panel of <see cref="RowCount"/> rows and which decision holds each day of the
/// out-of-sample stream.
/// </summary>
/// <remarks>
/// <para>Decision <c>k</c> sits at row <c>sₖ = Train + Gap + k·Step</c> (while <c>sₖ &lt; rows</c>), trains on rows
/// <c>[sₖ − Gap − Train, sₖ − Gap)</c> and is tested on rows <c>[sₖ, min(sₖ + Test, rows))</c>.</para>
/// <para>The stream is every row from <c>s₀</c> to the end, one return per day. Day <c>t</c> is held by the most
/// recent decision whose test window covers it: <c>k = ⌊(t − s₀)/Step⌋</c> when <c>t − sₖ &lt; Test</c>. With
/// Step &lt; Test the windows overlap and a newer decision replaces the older one (each day's return comes from the
/// most recent decision); with Step &gt; Test the days after a test window until the next decision are held in cash
/// (decision −1, counted in <see cref="CashDays"/>).</para>
/// </remarks>
public sealed class WalkForwardSchedule
{
    private readonly int[] _active;

    private WalkForwardSchedule(int rowCount, int firstRow, WalkForwardWindow[] windows, int[] active, int cashDays)
    {
        RowCount = rowCount;
        FirstRow = firstRow;
        Windows = windows;
        _active = active;
        CashDays = cashDays;
    }

    /// <summary>The panel's rows.</summary>
    public int RowCount { get; }

    /// <summary>The row of the first decision, <c>Train + Gap</c>: the stream's first day.</summary>
    public int FirstRow { get; }

    /// <summary>The number of stream days, <c>RowCount − FirstRow</c>.</summary>
    public int DayCount => RowCount - FirstRow;

    /// <summary>The decisions, in row order.</summary>
    public IReadOnlyList<WalkForwardWindow> Windows { get; }

    /// <summary>Stream days held in cash (no decision's test window covers them; only when Step &gt; Test).</summary>
    public int CashDays { get; }

    /// <summary>The decisions holding each stream day (−1 = cash).</summary>
    public ReadOnlySpan<int> ActiveDecisions => _active;

    /// <summary>Builds the schedule.</summary>
    /// <param name="rowCount">The panel's rows.</param>
    /// <param name="options">The windows.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="DomainValidationException">Invalid options, or fewer than <c>Train + Gap + 1</c> rows (<see cref="ErrorCodes.InsufficientData"/>).</exception>
    public static WalkForwardSchedule Build(int rowCount, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int first = options.TrainDays + options.GapDays;
        if (rowCount <= first)
        {
            throw new DomainValidationException(
                ErrorCodes.InsufficientData,
                $"Walk-forward: the panel has {rowCount} rows; at least TrainDays + GapDays + 1 = {first + 1} are needed.");
        }

        var windows = new List<WalkForwardWindow>();
        for (int s = first; s < rowCount; s += options.StepDays)
        {
            windows.Add(new WalkForwardWindow(windows.Count, s, s - options.GapDays - options.TrainDays, s - options.GapDays, Math.Min(s + options.TestDays, rowCount)));
        }

        int days = rowCount - first, cash = 0;
        int[] active = new int[days];
        for (int d = 0; d < days; d++)
        {
            int k = d / options.StepDays;
            bool covered = d - (k * options.StepDays) < options.TestDays;
            active[d] = covered ? k : -1;
            cash += covered ? 0 : 1;
        }

        return new WalkForwardSchedule(rowCount, first, [.. windows], active, cash);
    }

    /// <summary>Whether the book trades before stream day <paramref name="day"/>: the holding decision changes (from cash on day 0).</summary>
    /// <param name="day">The stream day.</param>
    /// <returns>True on a decision's first day and on the first cash day after a test window.</returns>
    public bool IsRebalance(int day) => day == 0 ? _active[0] >= 0 : _active[day] != _active[day - 1];
}
