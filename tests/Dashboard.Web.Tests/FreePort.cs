using System.Net;
using System.Net.Sockets;

namespace Dashboard.Web.Tests;

/// <summary>A loopback port nothing listens on now, for a program a test starts (the host, redis-server).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
