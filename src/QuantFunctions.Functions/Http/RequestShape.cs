using System.Globalization;
using Microsoft.AspNetCore.Http;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// Strict request shapes for the endpoints that start, stop or change runs: a query parameter they do not take, a repeated
/// one, or a body where none is taken is a 400 <see cref="ErrorCodes.UnexpectedInput"/> naming it — never silently ignored.
/// </summary>
public static class RequestShape
{
    // Names in messages are cut to this many characters.
    private const int NameShown = 64;

    /// <summary>Null when every query parameter is one of <paramref name="allowed"/> and appears once; else the problem naming the first other.</summary>
    /// <param name="request">The request.</param>
    /// <param name="endpoint">The endpoint, for the message (e.g. <c>POST /api/runs/{id}/restart</c>).</param>
    /// <param name="allowed">The query parameters the endpoint takes.</param>
    public static ApiProblem? CheckQuery(HttpRequest request, string endpoint, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                string takes = allowed.Length == 0 ? "none" : string.Join(", ", allowed);
                return new ApiProblem(ErrorCodes.UnexpectedInput, $"Unknown query parameter '{Shown(name)}' for {endpoint} (it takes: {takes}).");
            }

            if (values.Count > 1)
            {
                return new ApiProblem(ErrorCodes.UnexpectedInput,
                    $"Query parameter '{name}' appears {values.Count.ToString(CultureInfo.InvariantCulture)} times for {endpoint}; give it once.");
            }
        }

        return null;
    }

    /// <summary>Null when the request has no body (or a blank one); else the problem (the endpoint takes none).</summary>
    /// <param name="request">The request.</param>
    /// <param name="endpoint">The endpoint, for the message.</param>
    /// <param name="why">Why it takes no body, for the message.</param>
    /// <param name="maxBytes">The most bytes read to tell a blank body from another.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<ApiProblem?> CheckNoBodyAsync(HttpRequest request, string endpoint, string why, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] chunk = new byte[Math.Min(8192, maxBytes)];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes || chunk.AsSpan(0, read).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return new ApiProblem(ErrorCodes.UnexpectedInput, $"{endpoint} takes no body ({why}).");
            }
        }

        return null;
    }

    private static string Shown(string name) => name.Length <= NameShown ? name : name[..NameShown] + "…";
}
