using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SdnDashboard.Dashboard.Data;

namespace SdnDashboard.Dashboard.Traffic;

/// <summary>Reads the hourly roll-ups of one UTC day as rows, as Table 2 (hours × VMs) and as CSV.</summary>
public sealed class TrafficTable(IDbContextFactory<SdnDbContext> dbFactory)
{
    /// <summary>Every stored row of the day, optionally only VMs of the given nodes.</summary>
    public async Task<IReadOnlyList<TrafficHourRecord>> RowsAsync(DateOnly day, IReadOnlyCollection<string>? hosts = null, CancellationToken ct = default)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.TrafficHours.AsNoTracking().Where(r => r.HourStart >= from && r.HourStart < to).ToListAsync(ct).ConfigureAwait(false);
        if (hosts is { Count: > 0 })
        {
            // sFlow rows carry no host; they follow the libvirt rows of the same VM.
            var vms = rows.Where(r => r.Host is not null && hosts.Contains(r.Host)).Select(r => r.Vm).ToHashSet(StringComparer.Ordinal);
            rows = rows.Where(r => vms.Contains(r.Vm)).ToList();
        }

        return rows.OrderBy(r => r.HourStart).ThenBy(r => r.Vm, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>Table 2 as CSV: one line per hour, one column per VM and source, megabytes (10^6 bytes) in + out.</summary>
    public static string ToCsv(DateOnly day, IReadOnlyList<TrafficHourRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Select(r => (r.Vm, r.Source)).Distinct().OrderBy(c => c.Vm, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.Append("hour_utc");
        foreach (var (vm, source) in columns)
        {
            csv.Append(',').Append(Quote(source == TrafficRollup.Libvirt ? $"{vm} MB" : $"{vm} MB ({source})"));
        }

        csv.Append('\n');
        var cells = rows.ToDictionary(r => (r.HourStart.Hour, r.Vm, r.Source));
        for (var hour = 0; hour < 24; hour++)
        {
            csv.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('T').Append(hour.ToString("00", CultureInfo.InvariantCulture)).Append(":00Z");
            foreach (var (vm, source) in columns)
            {
                csv.Append(',');
                if (cells.TryGetValue((hour, vm, source), out var r))
                {
                    csv.Append(Megabytes(r.RxBytes + r.TxBytes).ToString("0.###", CultureInfo.InvariantCulture));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    public static double Megabytes(long bytes) => bytes / 1_000_000.0;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
