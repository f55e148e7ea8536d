using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Returns;

/// <summary>Validation of asset name lists shared by returns, covariance and allocation inputs.</summary>
internal static class AssetNames
{
    /// <summary>Throws unless the list is non-empty with unique, non-blank names.</summary>
    public static void Validate(IReadOnlyList<string> assets)
    {
        if (assets.Count == 0)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, "no assets given");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < assets.Count; i++)
        {
            string name = assets[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new AllocationException(ErrorCodes.InvalidOption, $"asset name at column {i} is empty");
            }

            if (!seen.Add(name))
            {
                throw new AllocationException(ErrorCodes.InvalidOption, $"asset '{name}' appears twice (column {i})", name);
            }
        }
    }
}
