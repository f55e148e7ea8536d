using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Endpoints;

/// <summary>
/// The real Host executable on Kestrel at 127.0.0.1, started the way the Functions host starts a custom
/// handler (FUNCTIONS_CUSTOMHANDLER_PORT), polled for readiness on <c>GET /</c>, then driven over HTTP.
/// </summary>
public sealed class KestrelHostTests
{
    [Fact]
    public async Task CustomHandlerProcess_StartAndPollARun_CompletesOverRealHttp()
    {
        using var lake = new TempDirectory("qf-kestrel-lake");
        int port = FreePort();
        string hostDll = Path.Combine(AppContext.BaseDirectory, "QuantFunctions.Host.dll");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(hostDll);
        psi.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["QF_LAKE_ROOT"] = lake.Path;
        psi.Environment["QF_MANIFESTS_ROOT"] = Path.Combine(RepositoryRoot.Find(), "manifests");
        psi.Environment["QF_MAX_PARALLELISM"] = "2";
        using Process host = Process.Start(psi)!;
        var log = new StringBuilder();
        host.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        host.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(client, host, log);
            using var body = new StringContent("""{"run_id":"kestrel-1","as_of":"2024-01-02T00:00:00Z"}""", Encoding.UTF8, "application/json");
            HttpResponseMessage start = await client.PostAsync("/api/orchestrators/dataops", body);
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            Assert.Equal($"http://127.0.0.1:{port}/api/runs/kestrel-1", start.Headers.Location!.ToString());
            JsonElement status = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/kestrel-1");
            Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
            Assert.True(File.Exists(Path.Combine(lake.Path, "_meta", "demo", "runs", "kestrel-1", "run.json")));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process host, StringBuilder log)
    {
        for (int i = 0; i < 300; i++)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException("the Host exited during start-up:\n" + log);
            }

            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the Host did not answer GET / within 30 s:\n" + log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
