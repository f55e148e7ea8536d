using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>A catalog pipeline in <c>GET /api/pipelines</c>.</summary>
/// <param name="Id">The pipeline id (what <c>POST /api/orchestrators/{pipeline}</c> takes).</param>
/// <param name="Scope">The scope that owns its outputs.</param>
/// <param name="Version">Its version (the highest shipped).</param>
/// <param name="Kind"><c>data</c> or <c>model</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Schedule">The manifest's NCRONTAB schedule, if any.</param>
/// <param name="TimerSchedule">The schedule the DataOps timer starts it on (the manifest's or <c>QF_DATAOPS_SCHEDULE</c>); null when the timer does not start it.</param>
/// <param name="Nodes">The number of nodes in the manifest (before <c>for_each</c> fan-out).</param>
/// <param name="Parameters">The parameters the manifest declares, by name (what <c>set</c> in a start body names).</param>
public sealed record PipelineView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("schedule")] string? Schedule,
    [property: JsonPropertyName("timerSchedule")] string? TimerSchedule,
    [property: JsonPropertyName("nodes")] int Nodes,
    [property: JsonPropertyName("parameters")] IReadOnlyList<PipelineParameterView> Parameters);
