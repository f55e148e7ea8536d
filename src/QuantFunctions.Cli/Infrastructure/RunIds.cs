using System.Globalization;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Default run ids: derived from what the run is, so the same run asked twice is the same run (and resumes).</summary>
internal static class RunIds
{
    /// <summary><c>{pipeline}-{yyyyMMddTHHmmssZ}-s{seed}</c>, lowercase.</summary>
    public static string Derive(string pipelineId, DateTimeOffset asOf, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{pipelineId}-{asOf.UtcDateTime:yyyyMMdd't'HHmmss'z'}-s{seed}").Replace('_', '-');
}
