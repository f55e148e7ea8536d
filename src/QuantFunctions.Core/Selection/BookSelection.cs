namespace QuantFunctions.Core.Selection;

/// <summary>
/// A long and a short book selected from the same candidates with disjoint winners
/// (<see cref="SelectionEngine.SelectBooks"/>): the long book first, then the short book with every long winner vetoed
/// <see cref="VetoReasons.LongBook"/>.
/// </summary>
/// <param name="Long">The long book, as a standalone long selection.</param>
/// <param name="Short">The short book; no winner of <paramref name="Long"/> is among its winners.</param>
public sealed record BookSelection(SelectionResult Long, SelectionResult Short);
