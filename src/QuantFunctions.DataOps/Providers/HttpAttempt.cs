using System.Net;
using System.Net.Http.Headers;

namespace QuantFunctions.DataOps.Providers;

/// <summary>The outcome of one attempt that got an answer: its status, the body of a success (never of an error), and Retry-After.</summary>
internal sealed record HttpAttempt(HttpStatusCode Status, byte[]? Body, RetryConditionHeaderValue? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;
}
