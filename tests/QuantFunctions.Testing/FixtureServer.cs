using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QuantFunctions.Testing;

/// <summary>One scripted reply of <see cref="FixtureServer"/>.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Body bytes.</param>
/// <param name="RetryAfter">A Retry-After header value (seconds), when set.</param>
/// <param name="Location">A Location header (redirects), when set.</param>
/// <param name="Chunked">Sent chunked, without a Content-Length.</param>
public sealed record FixtureReply(int Status, byte[] Body, string? RetryAfter = null, string? Location = null, bool Chunked = false)
{
    /// <summary>A redirect to <paramref name="location"/>.</summary>
    public static FixtureReply Redirect(string location, int status = 302) => new(status, [], Location: location);

    /// <summary>200 with a recorded fixture file's bytes.</summary>
    public static FixtureReply File(string name) => new(200, System.IO.File.ReadAllBytes(FixtureServer.PathOf(name)));

    /// <summary>A bare status with an error body.</summary>
    public static FixtureReply Error(int status, string? retryAfter = null) => new(status, """{"code":-1003,"msg":"Too many requests"}"""u8.ToArray(), retryAfter);
}

/// <summary>
/// A local HTTP server on 127.0.0.1 (free port) replaying recorded responses: a handler maps each request
/// (path and query, body) to a <see cref="FixtureReply"/>. No test touches the internet.
/// </summary>
public sealed class FixtureServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, string, FixtureReply> _handler;
    private readonly Task _loop;

    /// <summary>Starts the server.</summary>
    public FixtureServer(Func<string, string, FixtureReply> handler)
    {
        _handler = handler;
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The server root.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received (path and query), in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The recorded fixture file's path.</summary>
    public static string PathOf(string name) => Path.Combine(RepositoryRoot.Find(), "tests", "QuantFunctions.DataOps.Tests", "Providers", "Fixtures", name);

    /// <summary>A port nothing listens on (for connection-failure tests).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends with the listener
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string pathAndQuery = context.Request.Url!.PathAndQuery;
            using var reader = new StreamReader(context.Request.InputStream);
            string body = await reader.ReadToEndAsync();
            Requests.Enqueue(pathAndQuery);
            Bodies.Enqueue(body);
            FixtureReply reply = _handler(pathAndQuery, body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            if (reply.RetryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", reply.RetryAfter);
            }

            if (reply.Location is not null)
            {
                context.Response.AddHeader("Location", reply.Location);
            }

            if (reply.Chunked)
            {
                context.Response.SendChunked = true;
            }
            else
            {
                context.Response.ContentLength64 = reply.Body.Length;
            }

            try
            {
                await context.Response.OutputStream.WriteAsync(reply.Body);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // the client stopped reading (a body over its size limit)
                context.Response.Abort();
            }
        }
    }
}
