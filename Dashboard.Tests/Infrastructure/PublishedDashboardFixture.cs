using System.Diagnostics;

namespace SdnDashboard.Tests.Infrastructure;

/// <summary>
/// The dashboard as an operator deploys it: <c>dotnet publish Dashboard</c> into a temporary folder, once per
/// test class. Publishes the assemblies the test run already built (<c>--no-build</c>, same configuration), so
/// it only lays out files and static web assets and stays quick.
/// </summary>
public sealed class PublishedDashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The publish folder holding <c>SdnDashboard.Dashboard.dll</c>.</summary>
    public string Directory { get; private set; } = "";

    /// <summary>How long <c>dotnet publish</c> took.</summary>
    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        // bin/<Configuration>/<tfm>/ of the test assembly names the configuration its Dashboard.dll was built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(RepositoryRoot(), "Dashboard", "Dashboard.csproj");
        Directory = System.IO.Directory.CreateTempSubdirectory("sdn-publish-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", configuration, "--no-build", "-o", Directory, "-nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish {project} took over {PublishTimeout.TotalMinutes} min");
        }

        PublishTime = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish {project} -c {configuration} --no-build failed ({process.ExitCode}); build the solution in {configuration} first:\n{await stdout}\n{await stderr}");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }

        return Task.CompletedTask;
    }

    /// <summary>The folder holding <c>SdnDashboard.sln</c>, above the test output.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SdnDashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no SdnDashboard.sln above {AppContext.BaseDirectory}");
    }
}
