using System.Diagnostics;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>Runs libvirt's own <c>virsh</c> as the reference the collector is checked against.</summary>
internal static class Virsh
{
    /// <summary>Runs <c>virsh -c URI args...</c> and returns stdout; fails the test loudly when virsh is missing or fails.</summary>
    public static string Run(string uri, params string[] args)
    {
        var start = new ProcessStartInfo("virsh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(uri);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("virsh did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "virsh is missing: install the Debian package libvirt-clients (./test.sh does) to run the libvirt tests", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"virsh -c {uri} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
            }

            return stdout.Result;
        }
    }

    /// <summary>
    /// Runs several commands in one virsh process (one connection) and returns each command's output,
    /// keyed by the command text. Much cheaper than a process per command on a loaded machine.
    /// </summary>
    public static Dictionary<string, string> Batch(string uri, IReadOnlyList<string> commands)
    {
        const string marker = "@@virsh-command@@";
        var script = string.Join("; ", commands.Select((c, i) => $"echo {marker}{i}; {c}"));
        var output = Run(uri, script);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = output.Split(marker);
        foreach (var part in parts.Skip(1))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            var index = int.Parse(part[..newline], System.Globalization.CultureInfo.InvariantCulture);
            result[commands[index]] = part[(newline + 1)..];
        }

        Assert.Equal(commands.Count, result.Count);
        return result;
    }

    /// <summary>Parses <c>key: value</c> lines (dominfo, domblkinfo, net-info).</summary>
    public static Dictionary<string, string> Fields(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    /// <summary>Parses <c>domifstat</c>/<c>domblkstat</c> lines (<c>dev name value</c>).</summary>
    public static Dictionary<string, long> Counters(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3)
            .ToDictionary(p => p[1], p => long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
