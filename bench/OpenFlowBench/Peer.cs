using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>A controller under test, each in its own process on a free loopback port.</summary>
internal sealed class Peer : IDisposable
{
    private readonly Process _process;

    private Peer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public string Name { get; }

    public IPEndPoint Endpoint { get; }

    public static async Task<Peer> StartAsync(string name)
    {
        var port = FreePort();
        var info = name switch
        {
            "ours" => new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "OpenFlowBench"), ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stats-interval", "0"]),
            "ovs-testcontroller" => new ProcessStartInfo("ovs-testcontroller", ["-O", "OpenFlow10,OpenFlow13", "-vconsole:off", $"ptcp:{port}:127.0.0.1"]),
            "os-ken" => new ProcessStartInfo("osken-manager", ["--ofp-listen-host", "127.0.0.1", "--ofp-tcp-listen-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path.Combine(AppContext.BaseDirectory, "osken_learning.py")]),
            _ => throw new ArgumentException($"unknown controller '{name}'", nameof(name)),
        };
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new Peer(name, process, port);
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(peer.Endpoint);
                break;
            }
            catch (SocketException) when (Environment.TickCount64 < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        await Task.Delay(300);
        return peer;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
