using System.Text;
using Microsoft.AspNetCore.Http;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>Builds <see cref="DefaultHttpContext"/> requests as the Functions host hands them to the worker.</summary>
internal static class Requests
{
    public const string Host = "qf.example";

    public static HttpRequest Create(string method, string path, string? body = null, IDictionary<string, string>? query = null)
    {
        var context = new DefaultHttpContext();
        HttpRequest request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString(Host);
        request.Path = path;
        if (query is not null)
        {
            request.QueryString = QueryString.Create(query!);
        }

        if (body is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json";
        }

        return request;
    }
}
