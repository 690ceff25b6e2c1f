using System.Diagnostics;

namespace SdnDashboard.Tests.Sflow;

/// <summary>Runs lab tools (ip, ovs-vsctl, ethtool) and fails loudly with their output.</summary>
internal static class LabCommand
{
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var (code, stdout, stderr) = await TryRunAsync(file, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' exited {code}: {stderr.Trim()} {stdout.Trim()}");
        }

        return stdout;
    }

    public static async Task<(int Code, string Stdout, string Stderr)> TryRunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Fails with a message naming what is missing when the lab cannot run here.</summary>
    public static void RequireRootAndTools(params string[] tools)
    {
        Assert.True(Environment.UserName == "root", "this Open vSwitch lab test needs root (CI runs ./test.sh as root)");
        foreach (var tool in tools)
        {
            var found = Environment.GetEnvironmentVariable("PATH")!.Split(':').Append("/usr/sbin").Append("/sbin")
                .Any(dir => File.Exists(Path.Combine(dir, tool)));
            Assert.True(found, $"this lab test needs '{tool}' (installed by ./test.sh)");
        }
    }
}
