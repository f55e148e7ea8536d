using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Returns;

/// <summary>
/// Periodic simple returns of N assets over T periods: a dense column-major T×N matrix (one
/// contiguous column per asset) with the asset names. Validated on construction.
/// </summary>
public sealed class ReturnsMatrix
{
    private readonly double[] _values;

    private ReturnsMatrix(IReadOnlyList<string> assets, int periods, double[] values, bool hasMissing)
    {
        Assets = assets;
        Periods = periods;
        _values = values;
        HasMissing = hasMissing;
    }

    /// <summary>Asset names, one per column.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>Number of assets N (columns).</summary>
    public int AssetCount => Assets.Count;

    /// <summary>Number of periods T (rows).</summary>
    public int Periods { get; }

    /// <summary>Whether some values are missing (NaN); only <see cref="CreateWithMissing"/> allows that.</summary>
    public bool HasMissing { get; }

    /// <summary>All values, column-major T×N.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The T returns of asset <paramref name="asset"/>.</summary>
    /// <param name="asset">Column index.</param>
    public ReadOnlySpan<double> Column(int asset) => _values.AsSpan(asset * Periods, Periods);

    /// <summary>Creates a matrix with no missing values.</summary>
    /// <param name="assets">Asset names (unique, non-empty).</param>
    /// <param name="periods">T, the number of rows.</param>
    /// <param name="values">T×N values, column-major; copied.</param>
    /// <exception cref="AllocationException">NaN/∞ (names asset and row), sizes that disagree, duplicate or empty names.</exception>
    public static ReturnsMatrix Create(IReadOnlyList<string> assets, int periods, ReadOnlySpan<double> values) =>
        Build(assets, periods, values, allowMissing: false);

    /// <summary>
    /// Creates a matrix in which NaN marks a missing observation (e.g. before an asset listed).
    /// Infinities are still rejected.
    /// </summary>
    /// <param name="assets">Asset names (unique, non-empty).</param>
    /// <param name="periods">T, the number of rows.</param>
    /// <param name="values">T×N values, column-major; copied.</param>
    /// <exception cref="AllocationException">±∞, sizes that disagree, duplicate or empty names.</exception>
    public static ReturnsMatrix CreateWithMissing(IReadOnlyList<string> assets, int periods, ReadOnlySpan<double> values) =>
        Build(assets, periods, values, allowMissing: true);

    private static ReturnsMatrix Build(IReadOnlyList<string> assets, int periods, ReadOnlySpan<double> values, bool allowMissing)
    {
        ArgumentNullException.ThrowIfNull(assets);
        AssetNames.Validate(assets);
        if (periods < 1)
        {
            throw new AllocationException(ErrorCodes.InsufficientData, $"returns have {periods} periods; at least 1 is required");
        }

        if (values.Length != periods * assets.Count)
        {
            throw new AllocationException(
                ErrorCodes.ShapeMismatch,
                $"returns hold {values.Length} values but {periods} periods × {assets.Count} assets = {periods * assets.Count} are required");
        }

        bool missing = false;
        for (int j = 0; j < assets.Count; j++)
        {
            ReadOnlySpan<double> col = values.Slice(j * periods, periods);
            for (int t = 0; t < periods; t++)
            {
                double v = col[t];
                if (double.IsFinite(v))
                {
                    continue;
                }

                if (allowMissing && double.IsNaN(v))
                {
                    missing = true;
                    continue;
                }

                throw new AllocationException(
                    ErrorCodes.NonFiniteValue,
                    $"return of asset '{assets[j]}' at row {t} is {v}; returns must be finite",
                    assets[j]);
            }
        }

        string[] names = new string[assets.Count];
        for (int j = 0; j < names.Length; j++)
        {
            names[j] = assets[j];
        }

        return new ReturnsMatrix(names, periods, values.ToArray(), missing);
    }
}
