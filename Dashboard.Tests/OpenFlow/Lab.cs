using System.Diagnostics;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>Runs lab commands (ovs-vsctl, ip netns) for the Open vSwitch tests; fails loudly when the lab cannot work here.</summary>
internal static class Lab
{
    /// <summary>Fails the test with what is missing unless running as root with Open vSwitch, then starts its daemons.</summary>
    public static void RequireOpenVSwitch()
    {
        if (Environment.UserName != "root")
        {
            Assert.Fail($"This Open vSwitch lab test needs root (running as '{Environment.UserName}'); run ./test.sh as root.");
        }

        foreach (var tool in new[] { "ovs-vsctl", "ovs-ofctl", "ip", "ethtool", "ping", "python3" })
        {
            if (Run($"command -v {tool}", check: false).ExitCode != 0)
            {
                Assert.Fail($"This Open vSwitch lab test needs '{tool}' on PATH (Debian packages openvswitch-switch iproute2 ethtool iputils-ping python3).");
            }
        }

        Run($"bash '{Path.Combine(RepositoryRoot(), "lab", "ovs-start.sh")}'");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "lab", "ovs-start.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("lab/ovs-start.sh not found above " + AppContext.BaseDirectory);
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs <paramref name="command"/> with bash; throws with its output when it fails and <paramref name="check"/>.</summary>
    public static Result Run(string command, bool check = true, int timeoutMs = 60_000)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + ":/usr/share/openvswitch/scripts:/usr/sbin:/sbin";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {timeoutMs} ms");
        }

        var result = new Result(process.ExitCode, stdout.Result, stderr.Result);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited {result.ExitCode}: {result.Error.Trim()} {result.Output.Trim()}");
        }

        return result;
    }

    /// <summary>Starts a long-running command (a TCP server in a namespace); the caller kills it.</summary>
    public static Process Start(string command)
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        return Process.Start(info)!;
    }
}
