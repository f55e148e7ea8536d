using System.Net;
using System.Net.Sockets;

namespace QuantFunctions.Testing;

/// <summary>A loopback TCP port free right now, chosen by the OS (the in-process Durable engine's sidecar otherwise picks one at random and may collide with another test host).</summary>
public static class FreePort
{
    /// <summary>Binds port 0 on 127.0.0.1 and returns the port the OS gave.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
