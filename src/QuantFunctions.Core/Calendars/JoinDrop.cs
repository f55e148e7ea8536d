namespace QuantFunctions.Core.Calendars;

/// <summary>How many rows of one series an inner join removed.</summary>
/// <param name="Name">The series name.</param>
/// <param name="Rows">Observed rows before the join (non-NaN values).</param>
/// <param name="RowsKept">Rows kept (the common dates).</param>
/// <param name="RowsDropped">Observed rows dropped because some other series lacked that date.</param>
public sealed record JoinDrop(string Name, int Rows, int RowsKept, int RowsDropped);
