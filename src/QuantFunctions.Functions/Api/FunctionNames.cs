namespace QuantFunctions.Functions.Api;

/// <summary>The names of the app's HTTP and timer functions (orchestrators and activities use <see cref="Durable.DurableNames"/>).</summary>
public static class FunctionNames
{
    /// <summary><c>POST /api/orchestrators/{pipeline}</c>.</summary>
    public const string StartPipeline = "StartPipeline";

    /// <summary><c>GET /api/runs/{id}</c>.</summary>
    public const string GetRun = "GetRun";

    /// <summary><c>POST /api/runs/{id}/terminate</c>.</summary>
    public const string TerminateRun = "TerminateRun";

    /// <summary><c>POST /api/runs/{id}/restart</c>.</summary>
    public const string RestartRun = "RestartRun";

    /// <summary><c>GET /api/stages</c>.</summary>
    public const string ListStages = "ListStages";

    /// <summary><c>GET /api/pipelines</c>.</summary>
    public const string ListPipelines = "ListPipelines";

    /// <summary><c>GET /api/health</c>.</summary>
    public const string Health = "Health";

    /// <summary>The DataOps timer.</summary>
    public const string DataOpsTimer = "DataOpsTimer";

    /// <summary>The paper timer: starts the paper trading day's chain (DataOps → meta → paper).</summary>
    public const string PaperTimer = "PaperTimer";
}
