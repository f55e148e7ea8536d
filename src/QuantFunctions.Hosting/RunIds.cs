using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QuantFunctions.Hosting;

/// <summary>Default run ids: derived from what the run is, so the same run asked twice is the same run (and resumes).</summary>
public static class RunIds
{
    /// <summary>
    /// <c>{pipeline}-{yyyyMMdd}t{HHmmssfff}z-s{seed}</c>, lowercase, valid as a lake run id; with declared parameter values
    /// (<c>--set</c>) a suffix <c>-p{8 hex}</c> of their SHA-256, so other values make another run and the same values the same run.
    /// </summary>
    public static string Derive(string pipelineId, DateTimeOffset asOf, int seed, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(pipelineId);
        string id = string.Create(CultureInfo.InvariantCulture, $"{pipelineId}-{asOf.UtcDateTime:yyyyMMdd't'HHmmssfff'z'}-s{seed}").Replace('_', '-');
        if (parameters is not { Count: > 0 })
        {
            return id;
        }

        var text = new StringBuilder();
        foreach ((string name, string value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value).Append('\n');
        }

        return id + "-p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
    }
}
