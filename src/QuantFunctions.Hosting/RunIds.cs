using System.Globalization;

namespace QuantFunctions.Hosting;

/// <summary>Default run ids: derived from what the run is, so the same run asked twice is the same run (and resumes).</summary>
public static class RunIds
{
    /// <summary><c>{pipeline}-{yyyyMMdd}t{HHmmssfff}z-s{seed}</c>, lowercase, valid as a lake run id.</summary>
    public static string Derive(string pipelineId, DateTimeOffset asOf, int seed)
    {
        ArgumentNullException.ThrowIfNull(pipelineId);
        return string.Create(CultureInfo.InvariantCulture, $"{pipelineId}-{asOf.UtcDateTime:yyyyMMdd't'HHmmssfff'z'}-s{seed}").Replace('_', '-');
    }
}
