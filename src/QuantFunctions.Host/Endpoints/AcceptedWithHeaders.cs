namespace QuantFunctions.Host.Endpoints;

/// <summary>202 Accepted with <c>Location</c>, <c>Retry-After</c> and a JSON body (Durable's polling contract).</summary>
/// <param name="Location">The status URI to poll.</param>
/// <param name="RetryAfterSeconds">Suggested polling interval.</param>
/// <param name="Body">The JSON body.</param>
internal sealed record AcceptedWithHeaders(string Location, int RetryAfterSeconds, object Body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status202Accepted;
        httpContext.Response.Headers.Location = Location;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return httpContext.Response.WriteAsJsonAsync(Body, Body.GetType());
    }
}
