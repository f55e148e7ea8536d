using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// An API error as RFC 7807 problem details with a stable <see cref="Code"/> from <see cref="ErrorCodes"/>; the HTTP
/// status is the code's (<see cref="ErrorCode.HttpStatus"/>).
/// </summary>
/// <param name="Code">The stable error code, sent as the <c>code</c> extension.</param>
/// <param name="Detail">A sentence naming what is wrong (field, value, run).</param>
public sealed record ApiProblem(ErrorCode Code, string Detail)
{
    /// <summary>The media type of problem details.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The HTTP status, from <see cref="Code"/>.</summary>
    public int Status => Code.HttpStatus;

    /// <summary>404 <see cref="ErrorCodes.RunNotFound"/>.</summary>
    public static ApiProblem NotFound(string runId) => new(ErrorCodes.RunNotFound, $"No run '{runId}': neither an orchestration instance nor a run.json has that id.");

    /// <summary>The problem details object.</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails
        {
            Status = Status,
            Title = ReasonPhrases.GetReasonPhrase(Status),
            Type = "urn:quantfunctions:problem:" + Code.Value,
            Detail = Detail,
        };
        problem.Extensions["code"] = Code.Value;
        return problem;
    }

    /// <summary>The result that writes it (<c>application/problem+json</c>).</summary>
    public IActionResult ToResult()
    {
        var result = new ObjectResult(ToProblemDetails()) { StatusCode = Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
