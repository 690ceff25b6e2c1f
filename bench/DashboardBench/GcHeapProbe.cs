using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>
/// The live managed heap of a process, from <c>dotnet-gcdump</c> (which forces a full GC first): unlike RSS,
/// it does not count garbage the GC has not collected yet, so it says what the connections really keep.
/// </summary>
internal sealed partial class GcHeapProbe(int pid, string directory)
{
    private readonly string _tool = FindTool();
    private int _count;

    /// <summary>Whether <c>dotnet-gcdump</c> is installed (<c>dotnet tool install --global dotnet-gcdump</c>).</summary>
    public bool Available => _tool.Length > 0;

    /// <summary>Live managed heap bytes now, or -1 when the tool is missing or failed.</summary>
    public async Task<long> LiveHeapBytesAsync()
    {
        if (!Available)
        {
            return -1;
        }

        var file = Path.Combine(directory, $"heap-{Interlocked.Increment(ref _count)}.gcdump");
        await RunAsync("collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
        var report = await RunAsync("report", file);
        var match = HeapBytes().Match(report);
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : -1;
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(_tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string FindTool()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new[] { Path.Combine(home, ".dotnet", "tools", "dotnet-gcdump") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet-gcdump")));
        return candidates.FirstOrDefault(File.Exists) ?? "";
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
