namespace QuantFunctions.Host.Functions;

/// <summary>The Azure functions the Host serves (folder names under <c>functions/</c>).</summary>
public static class FunctionNames
{
    /// <summary>HTTP POST <c>api/orchestrators/{pipeline}</c> (forwarded request).</summary>
    public const string StartOrchestration = nameof(StartOrchestration);

    /// <summary>HTTP GET <c>api/runs/{id}</c> (forwarded request).</summary>
    public const string GetRunStatus = nameof(GetRunStatus);

    /// <summary>HTTP POST <c>api/runs/{id}/terminate</c> (forwarded request).</summary>
    public const string TerminateRun = nameof(TerminateRun);

    /// <summary>HTTP POST <c>api/runs/{id}/resume</c> (forwarded request).</summary>
    public const string ResumeRun = nameof(ResumeRun);

    /// <summary>HTTP GET <c>api/stages</c> (forwarded request).</summary>
    public const string ListStages = nameof(ListStages);

    /// <summary>HTTP GET <c>api/health</c> (forwarded request).</summary>
    public const string Health = nameof(Health);

    /// <summary>Timer: starts the DataOps pipelines (invocation payload).</summary>
    public const string DataOpsTimer = nameof(DataOpsTimer);

    /// <summary>Queue trigger on QF_WORK_QUEUE (<c>qf-nodes</c>): runs one node of a queued run.</summary>
    public const string ExecuteNode = nameof(ExecuteNode);

    /// <summary>Every function name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StartOrchestration, GetRunStatus, TerminateRun, ResumeRun, ListStages, Health, DataOpsTimer, ExecuteNode,
    };
}
