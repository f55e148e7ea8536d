using QuantFunctions.Lake.Fingerprints;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>One dataset a run or node read, with its fingerprint.</summary>
/// <param name="Name">The input's name (usually the dataset), e.g. <c>daily_returns</c>.</param>
/// <param name="Fingerprint">What was read.</param>
public sealed record InputFingerprint(string Name, DatasetFingerprint Fingerprint);
