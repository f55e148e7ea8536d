using System.Runtime.CompilerServices;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>Partition discovery: lists objects below a prefix together with their typed path parts.</summary>
public static class LakeCatalog
{
    /// <summary>
    /// Lists every object at or below <paramref name="prefix"/> (ordered by path, ordinal) with its
    /// <see cref="LakeLocation"/>, e.g. to find the years and months a bronze dataset holds.
    /// </summary>
    /// <param name="store">The lake.</param>
    /// <param name="prefix">A folder from a <see cref="LakePathResolver"/> folder builder, e.g. <c>BronzeDataset(…)</c>.</param>
    /// <param name="kind">When set, every object found must be of this kind.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="LakePathFormatException">An object does not follow the lake grammar, or is of another kind; nothing is skipped silently.</exception>
    public static async IAsyncEnumerable<LakeEntry> ListAsync(ILakeStore store, LakePath prefix, LakeObjectKind? kind = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (LakeObjectInfo info in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            LakeLocation location = LakePathResolver.Parse(info.Path);
            if (kind is not null && location.Kind != kind)
            {
                throw new LakePathFormatException($"Found a {location.Kind} at '{info.Path}' where only {kind} objects belong (below '{prefix}').", info.Path);
            }

            yield return new LakeEntry(info, location);
        }
    }
}
