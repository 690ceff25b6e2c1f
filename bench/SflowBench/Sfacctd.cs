using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SdnDashboard.Bench.Sflow;

/// <summary>pmacct's sfacctd with its print plugin appending per-EtherType packet counts (= flow samples, no renormalisation) to a CSV.</summary>
internal sealed class Sfacctd : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dir;
    private readonly string _csv;

    private Sfacctd(Process process, DirectoryInfo dir, string csv, IPEndPoint endpoint)
    {
        _process = process;
        _dir = dir;
        _csv = csv;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    public static async Task<Sfacctd> StartAsync(int receiveBuffer)
    {
        var port = FreeUdpPort();
        var dir = Directory.CreateTempSubdirectory("sfbench-");
        var csv = Path.Combine(dir.FullName, "out.csv");
        var conf = Path.Combine(dir.FullName, "sfacctd.conf");
        await File.WriteAllTextAsync(conf, $"""
            daemonize: false
            sfacctd_ip: 127.0.0.1
            sfacctd_port: {port}
            sfacctd_renormalize: false
            sfacctd_pipe_size: {receiveBuffer}
            plugins: print
            plugin_pipe_size: 104857600
            plugin_buffer_size: 102400
            aggregate: etype
            print_output: csv
            print_output_file: {csv}
            print_output_file_append: true
            print_refresh_time: 1
            """);
        var process = Process.Start(new ProcessStartInfo("sfacctd", ["-f", conf])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("cannot start sfacctd (apt-get install pmacct)");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await Task.Delay(1000);
        return new Sfacctd(process, dir, csv, new IPEndPoint(IPAddress.Loopback, port));
    }

    /// <summary>Flow samples sfacctd has accounted so far (sum of the PACKETS column of every refresh).</summary>
    public long FlowSamples() => File.Exists(_csv)
        ? File.ReadLines(_csv).Select(l => l.Split(',')).Where(f => f.Length == 3 && long.TryParse(f[1], out _))
            .Sum(f => long.Parse(f[1], CultureInfo.InvariantCulture))
        : 0;

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _dir.Delete(recursive: true);
    }

    private static int FreeUdpPort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }
}
