using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>Where a run or node wrote one output.</summary>
/// <param name="Name">The output's name (usually the dataset), e.g. <c>weights</c>.</param>
/// <param name="Path">The folder or object written.</param>
public sealed record OutputLocation(string Name, LakePath Path);
