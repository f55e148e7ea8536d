using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>
/// A tiny HTTPS server on 127.0.0.1 (self-signed certificate) that answers every request with one fixed storage
/// error and records each request line and its Authorization header. HTTPS because the Azure SDK sends bearer tokens
/// only over TLS. One request per connection (<c>Connection: close</c>).
/// </summary>
public sealed class LoopbackStorageServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _status;
    private readonly string _errorCode;
    private readonly Task _loop;

    public LoopbackStorageServer(int status, string errorCode)
    {
        _status = status;
        _errorCode = errorCode;
        _certificate = CreateCertificate();
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>"METHOD /path?query" and the Authorization header (null when absent) of every request, in order.</summary>
    public ConcurrentQueue<(string RequestLine, string? Authorization)> Requests { get; } = new();

    /// <summary>A handler that trusts exactly this server's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == _certificate.GetCertHashString(),
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }

        _certificate.Dispose();
        _stop.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
            string head = await ReadHeadAsync(tls);
            string[] lines = head.Split("\r\n");
            string requestLine = lines[0][..lines[0].LastIndexOf(' ')];
            string? authorization = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))?["Authorization:".Length..].Trim();
            Requests.Enqueue((requestLine, authorization));

            string? length = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))?["Content-Length:".Length..].Trim();
            if (length is not null && int.Parse(length, CultureInfo.InvariantCulture) is > 0 and var n)
            {
                await tls.ReadExactlyAsync(new byte[n], _stop.Token);
            }

            bool isHead = requestLine.StartsWith("HEAD ", StringComparison.Ordinal);
            byte[] body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{_errorCode}</Code><Message>Loopback answer.</Message></Error>");
            string response =
                $"HTTP/1.1 {_status} Loopback\r\nContent-Type: application/xml\r\nContent-Length: {(isHead ? 0 : body.Length)}\r\n" +
                $"x-ms-error-code: {_errorCode}\r\nx-ms-request-id: loopback\r\nx-ms-version: 2025-11-05\r\nConnection: close\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            if (!isHead)
            {
                await tls.WriteAsync(body, _stop.Token);
            }

            await tls.FlushAsync(_stop.Token);
        }
    }

    private async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("Connection closed before the request head ended.");
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. head]);
    }
}
