using System.Text.Json;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// Expands a <c>for_each</c> matrix: the cross product of list pipeline parameters, in axis order with the last axis
/// varying fastest, each combination joined by <see cref="ForEachSpec.MatrixSeparator"/>.
/// </summary>
internal static class ForEachMatrix
{
    /// <summary>The matrix items, or null after adding an error (an axis is not a list parameter, or a value contains the separator).</summary>
    public static IReadOnlyList<string>? Expand(string node, IReadOnlyList<string> axes, Dictionary<string, JsonElement> parameters, string source, List<ManifestError> errors)
    {
        var values = new List<List<string>>(axes.Count);
        foreach (string axis in axes)
        {
            string? problem = "is not a pipeline parameter";
            List<string>? items = parameters.TryGetValue(axis, out JsonElement value) ? ForEachItems.TryRead(value, out problem) : null;
            if (items is null)
            {
                errors.Add(new ManifestError(ManifestErrorCode.ForEachNotList, source, node, $"for_each matrix axis '{axis}' must be a list pipeline parameter ({problem})"));
                return null;
            }

            string? joined = items.Find(i => i.Contains(ForEachSpec.MatrixSeparator, StringComparison.Ordinal));
            if (joined is not null)
            {
                errors.Add(new ManifestError(ManifestErrorCode.ForEachNotList, source, node,
                    $"for_each matrix axis '{axis}' has item '{joined}', which contains the separator '{ForEachSpec.MatrixSeparator}'"));
                return null;
            }

            values.Add(items);
        }

        var cells = new List<string> { string.Empty };
        foreach (List<string> axis in values)
        {
            var next = new List<string>(cells.Count * axis.Count);
            foreach (string prefix in cells)
            {
                foreach (string value in axis)
                {
                    next.Add(prefix.Length == 0 ? value : prefix + ForEachSpec.MatrixSeparator + value);
                }
            }

            cells = next;
        }

        return cells;
    }

    /// <summary>
    /// The item of a sub-matrix instance that <paramref name="item"/> of a matrix over <paramref name="axes"/> pairs with:
    /// its values on <paramref name="upstreamAxes"/>, in their order (<c>v3_4__hrp__long_only__t2</c> over standards,
    /// engines, profiles, simulators projects onto standards as <c>v3_4</c>); null when the upstream is not a matrix over
    /// a subset of <paramref name="axes"/>.
    /// </summary>
    public static string? Project(string item, IReadOnlyList<string> axes, IReadOnlyList<string> upstreamAxes)
    {
        if (upstreamAxes.Count == 0 || axes.Count == 0)
        {
            return null;
        }

        string[] values = item.Split(ForEachSpec.MatrixSeparator);
        var projected = new string[upstreamAxes.Count];
        for (int i = 0; i < upstreamAxes.Count; i++)
        {
            int at = IndexOf(axes, upstreamAxes[i]);
            if (at < 0 || values.Length != axes.Count)
            {
                return null;
            }

            projected[i] = values[at];
        }

        return string.Join(ForEachSpec.MatrixSeparator, projected);
    }

    private static int IndexOf(IReadOnlyList<string> axes, string axis)
    {
        for (int i = 0; i < axes.Count; i++)
        {
            if (axes[i] == axis)
            {
                return i;
            }
        }

        return -1;
    }
}
