using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>A controller under test, each in its own process on a free loopback port.</summary>
internal sealed class Peer : IDisposable
{
    private readonly Process _process;
    private string? _data;

    private Peer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public string Name { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>
    /// Starts the controller on a free port and waits until it accepts connections. With <paramref name="cpus"/>
    /// (a <c>taskset -c</c> list) the whole process, every thread of it from the start, runs only on those CPUs.
    /// </summary>
    public static async Task<Peer> StartAsync(string name, string? cpus = null)
    {
        var port = FreePort();
        string? data = null;
        var info = name switch
        {
            "ours" => Dashboard(port, out data),
            "ovs-testcontroller" => new ProcessStartInfo("ovs-testcontroller", ["-O", "OpenFlow10,OpenFlow13", "-vconsole:off", $"ptcp:{port}:127.0.0.1"]),
            "null-c" => new ProcessStartInfo(NullController(), [port.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            "os-ken" => new ProcessStartInfo("osken-manager", ["--ofp-listen-host", "127.0.0.1", "--ofp-tcp-listen-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path.Combine(AppContext.BaseDirectory, "osken_learning.py")]),
            _ => throw new ArgumentException($"unknown controller '{name}'", nameof(name)),
        };
        if (cpus is not null)
        {
            info = Pinned(info, cpus);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new Peer(name, process, port) { _data = data };
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

    /// <summary>
    /// The real dashboard process as built (its own runtimeconfig: server GC), with its default configuration
    /// except what a benchmark host must change: loopback ports, a fresh database, no built-in testbed (whose
    /// demo service and libvirt polling are not part of a flow setup), no sFlow listener on the shared port.
    /// </summary>
    private static ProcessStartInfo Dashboard(int port, out string data)
    {
        var dll = Environment.GetEnvironmentVariable("OPENFLOWBENCH_DASHBOARD")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "Dashboard", "bin", "Release", "net10.0", "SdnDashboard.Dashboard.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the dashboard is not built at {dll} (dotnet build bench/OpenFlowBench -c Release builds it)", dll);
        }

        data = Directory.CreateTempSubdirectory("ofp-bench-").FullName;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new ProcessStartInfo("dotnet",
        [
            dll, "--urls", $"http://127.0.0.1:{FreePort().ToString(invariant)}",
            $"--Controller:Listen=127.0.0.1:{port.ToString(invariant)}",
            $"--Storage:DatabasePath={Path.Combine(data, "bench.db")}",
            "--Auth:AdminPassword=OpenFlow-bench-1", "--Testbed:Enabled=false", "--Sflow:Enabled=false",
        ])
        { WorkingDirectory = Path.GetDirectoryName(dll) };
    }

    /// <summary>
    /// The floor (<c>null_controller.c</c>, not a peer of the goals): answers every packet-in with a flow-mod and does
    /// nothing else. Built with the system's C compiler next to the bench on first use.
    /// </summary>
    private static string NullController()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "null_controller.c");
        var binary = Path.Combine(AppContext.BaseDirectory, "null_controller");
        if (!File.Exists(binary) || File.GetLastWriteTimeUtc(binary) < File.GetLastWriteTimeUtc(source))
        {
            using var cc = Process.Start(new ProcessStartInfo("cc", ["-O2", "-o", binary, source]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("could not start cc for the null controller");
            cc.WaitForExit();
            if (cc.ExitCode != 0)
            {
                throw new InvalidOperationException($"cc {source} failed with exit code {cc.ExitCode}");
            }
        }

        return binary;
    }

    /// <summary>The same command run through <c>taskset -c <paramref name="cpus"/></c> (which execs it: the process id stays the controller's).</summary>
    private static ProcessStartInfo Pinned(ProcessStartInfo info, string cpus)
    {
        var pinned = new ProcessStartInfo("taskset") { WorkingDirectory = info.WorkingDirectory };
        pinned.ArgumentList.Add("-c");
        pinned.ArgumentList.Add(cpus);
        pinned.ArgumentList.Add(info.FileName);
        foreach (var argument in info.ArgumentList)
        {
            pinned.ArgumentList.Add(argument);
        }

        return pinned;
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
        if (_data is not null)
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
