using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace QuantFunctions.Functions.Http;

/// <summary>202 Accepted with <c>Location</c> (the URI to poll), <c>Retry-After</c> and a JSON body: Durable's polling contract.</summary>
public sealed class PollResult : ObjectResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="location">The URI to poll.</param>
    /// <param name="retryAfterSeconds">The suggested polling interval.</param>
    /// <param name="value">The body.</param>
    public PollResult(string location, int retryAfterSeconds, object? value)
        : base(value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Location = location;
        RetryAfterSeconds = retryAfterSeconds;
        StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>The URI to poll.</summary>
    public string Location { get; }

    /// <summary>The suggested polling interval in seconds.</summary>
    public int RetryAfterSeconds { get; }

    /// <inheritdoc/>
    public override void OnFormatting(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.OnFormatting(context);
        context.HttpContext.Response.Headers.Location = Location;
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
