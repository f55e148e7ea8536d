namespace QuantFunctions.Durable.Orchestrators;

/// <summary>An orchestration's custom status: how far the walk is.</summary>
/// <param name="Done">Nodes finished (succeeded, failed, skipped or cancelled).</param>
/// <param name="Total">Nodes in the plan (or the sleeve).</param>
/// <param name="Running">Nodes or sleeves running now, in plan order.</param>
/// <param name="Failed">Nodes failed so far, in plan order.</param>
public sealed record RunProgress(int Done, int Total, IReadOnlyList<string> Running, IReadOnlyList<string> Failed);
