using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// An ASP.NET Core <see cref="HttpRequest"/> seen as the worker's <see cref="HttpRequestData"/>, for the Durable extension's
/// check-status payload builder (<c>DurableTaskClientExtensions.CreateHttpManagementPayload</c>), which takes the
/// <c>HttpRequestData</c> of the non-ASP.NET model and reads only its URL. Read-only: it cannot create a response.
/// </summary>
internal sealed class RequestUrlData(HttpRequest request, FunctionContext functionContext) : HttpRequestData(functionContext)
{
    public override Stream Body => request.Body;

    public override HttpHeadersCollection Headers =>
        new(request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Select(v => v ?? string.Empty))));

    public override IReadOnlyCollection<IHttpCookie> Cookies => [.. request.Cookies.Select(c => (IHttpCookie)new HttpCookie(c.Key, c.Value))];

    public override Uri Url => new(request.GetEncodedUrl(), UriKind.Absolute);

    public override IEnumerable<ClaimsIdentity> Identities => request.HttpContext.User.Identities;

    public override string Method => request.Method;

    public override HttpResponseData CreateResponse() =>
        throw new NotSupportedException("RequestUrlData only carries the request URL to the Durable payload builder; the ASP.NET Core integration writes responses.");
}
