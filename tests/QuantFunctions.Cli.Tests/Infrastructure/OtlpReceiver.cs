using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>One POST the receiver got.</summary>
public sealed record OtlpRequest(string Path, string ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A loopback OTLP/HTTP receiver on 127.0.0.1 (HttpListener, a free port): answers every POST 200 with an empty protobuf
/// body and records path, headers and body (bodies over 16 MiB are refused). Stops when disposed.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private const int MaxBody = 16 << 20;
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<OtlpRequest> _requests = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        int port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base endpoint (no path).</summary>
    public Uri Endpoint { get; }

    /// <summary>What was received so far.</summary>
    public IReadOnlyList<OtlpRequest> Requests => [.. _requests];

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
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

            using (context.Response)
            {
                if (context.Request.ContentLength64 > MaxBody)
                {
                    context.Response.StatusCode = 413;
                    continue;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
                _requests.Enqueue(new OtlpRequest(context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", headers, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
