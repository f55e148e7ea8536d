namespace QuantFunctions.Core.Selection;

/// <summary>The Alpha Foundation Gate's findings on the history window.</summary>
/// <param name="Reasons">Per panel column: the drop reason (<c>gate.*</c>), or null when it passed.</param>
/// <param name="Observations">Per panel column: returns observed in the window.</param>
/// <param name="UnionRows">Rows of the window where at least one asset has a return (the union calendar).</param>
/// <param name="DenseRows">Union rows where every surviving asset has a return: the rows of the clustering matrix (no NaN).</param>
/// <param name="LargeReturns">Returns with 1 &lt; |r| ≤ the toxic bound among survivors (the L0 warning level), counted.</param>
public sealed record FoundationGateResult(IReadOnlyList<string?> Reasons, IReadOnlyList<int> Observations, int UnionRows, int DenseRows, int LargeReturns)
{
    /// <summary>Union rows left out of the dense matrix because a surviving asset had no return there.</summary>
    public int RowsDropped => UnionRows - DenseRows;

    /// <summary>Assets that passed.</summary>
    public int Passed
    {
        get
        {
            int n = 0;
            foreach (string? r in Reasons)
            {
                n += r is null ? 1 : 0;
            }

            return n;
        }
    }
}
