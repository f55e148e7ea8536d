using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace QuantFunctions.Functions.Http;

/// <summary>An API error as RFC 7807 problem details with a stable <see cref="Code"/> (<see cref="ProblemCodes"/>).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The stable error code, sent as the <c>code</c> extension.</param>
/// <param name="Detail">A sentence naming what is wrong (field, value, run).</param>
public sealed record ApiProblem(int Status, string Code, string Detail)
{
    /// <summary>The media type of problem details.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>400 with <paramref name="code"/>.</summary>
    public static ApiProblem BadRequest(string code, string detail) => new(StatusCodes.Status400BadRequest, code, detail);

    /// <summary>404 <see cref="ProblemCodes.RunNotFound"/>.</summary>
    public static ApiProblem NotFound(string runId) => new(StatusCodes.Status404NotFound, ProblemCodes.RunNotFound, $"No run '{runId}': neither an orchestration instance nor a run.json has that id.");

    /// <summary>409 with <paramref name="code"/>.</summary>
    public static ApiProblem Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, detail);

    /// <summary>The problem details object.</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = new ProblemDetails
        {
            Status = Status,
            Title = ReasonPhrases.GetReasonPhrase(Status),
            Type = "urn:quantfunctions:problem:" + Code,
            Detail = Detail,
        };
        problem.Extensions["code"] = Code;
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
