using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>An HTTP function's result as a client sees it: status, headers and JSON body (the result executed by ASP.NET Core MVC).</summary>
internal sealed record ApiResponse(int Status, IHeaderDictionary Headers, string ContentType, JsonNode? Body, IActionResult Result)
{
    /// <summary>The problem details' <c>code</c>.</summary>
    public string? Code => Body?["code"]?.GetValue<string>();

    /// <summary>The problem details' <c>detail</c>.</summary>
    public string? Detail => Body?["detail"]?.GetValue<string>();

    public string? this[string member] => Body?[member]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Body[member]!.GetValue<string>() : Body?[member]?.ToJsonString();

    public override string ToString() => $"{Status} {Body?.ToJsonString()}";
}
