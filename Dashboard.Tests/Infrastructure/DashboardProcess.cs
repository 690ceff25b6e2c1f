using System.Diagnostics;
using System.Text;

namespace SdnDashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard, run as users run it (its built assembly in its own process) on a free loopback
/// port with its own SQLite file, so end-to-end tests see exactly what a user would.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    /// <summary>The admin password every test dashboard starts with, unless a test sets its own.</summary>
    public const string AdminPassword = "test-admin-pass-1";

    /// <summary>Start-up takes seconds alone; the shared 2-core machine under a full test run can take far longer.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the dashboard with extra <c>--Key=Value</c> settings; waits for /healthz unless told not to.</summary>
    /// <param name="settings">Extra settings, passed on the command line.</param>
    /// <param name="waitUntilHealthy">Whether to wait for <c>/healthz</c>.</param>
    /// <param name="applicationDirectory">Where the app's files are (a publish folder); default the test output, run in Development.</param>
    /// <param name="environment">The ASP.NET Core environment.</param>
    /// <param name="wrapper">A command that runs <c>dotnet</c> with the remaining arguments (e.g. in another mount namespace).</param>
    public static async Task<DashboardProcess> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, bool waitUntilHealthy = true, string? applicationDirectory = null,
        string environment = "Development", IReadOnlyList<string>? wrapper = null)
    {
        var port = RedisServerFixture.FreeTcpPort();
        var data = Directory.CreateTempSubdirectory("sdn-dash-").FullName;
        var directory = applicationDirectory ?? AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "SdnDashboard.Dashboard.dll");
        var info = new ProcessStartInfo(wrapper is { Count: > 0 } ? wrapper[0] : "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in wrapper is { Count: > 0 } ? [.. wrapper.Skip(1), "dotnet"] : Array.Empty<string>())
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", $"--Storage:DatabasePath={Path.Combine(data, "test.db")}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Port 0: dashboards of parallel tests must not fight over the OpenFlow and sFlow ports.
        var all = new Dictionary<string, string>
        {
            ["Auth:AdminPassword"] = AdminPassword, ["Controller:Listen"] = "127.0.0.1:0", ["Sflow:ListenAddress"] = "127.0.0.1", ["Sflow:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the dashboard");
        var app = new DashboardProcess(process, port, data);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilHealthy)
        {
            await app.WaitHealthyAsync().ConfigureAwait(false);
        }

        return app;
    }

    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the dashboard exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start on a busy machine.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"the dashboard did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (a start-up failure), returning false on timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
