using System.Globalization;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>CPU time and resident memory of another process, read from /proc.</summary>
internal sealed class ProcessMeter(int pid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux.

    /// <summary>utime + stime in seconds.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the parenthesised command name, which may itself contain spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    /// <summary>VmRSS in KiB.</summary>
    public long RssKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("no VmRSS");
    }

    /// <summary>Samples CPU % (of one core) and median RSS over <paramref name="duration"/>.</summary>
    public async Task<(double CpuPercent, long MedianRssKiB)> MeasureAsync(TimeSpan duration)
    {
        var rss = new List<long>();
        var cpu0 = CpuSeconds();
        var start = DateTime.UtcNow;
        while (DateTime.UtcNow - start < duration)
        {
            rss.Add(RssKiB());
            await Task.Delay(1000).ConfigureAwait(false);
        }

        var elapsed = (DateTime.UtcNow - start).TotalSeconds;
        rss.Sort();
        return ((CpuSeconds() - cpu0) / elapsed * 100, rss[rss.Count / 2]);
    }
}
