namespace QuantFunctions.Core.Performance;

/// <summary>The return of one calendar period.</summary>
/// <param name="Start">The first date of the period that has a return.</param>
/// <param name="End">The last date of the period that has a return.</param>
/// <param name="Return">The period's return, compounded <c>Π(1 + r) − 1</c> or summed.</param>
public readonly record struct PeriodReturn(DateOnly Start, DateOnly End, double Return);
