using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>Turns the libvirt collector's VM samples into the balancer's load input.</summary>
public static class MemberLoadMapper
{
    public static MemberLoad ToMemberLoad(VmSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        double? memory = sample.MemoryUsedKiB is { } used && sample.MaxMemoryKiB > 0 ? 100.0 * used / sample.MaxMemoryKiB : null;
        return new MemberLoad(sample.CpuPercent, memory, sample.NetRxBytesPerSec + sample.NetTxBytesPerSec, sample.At, sample.State);
    }

    /// <summary>Loads keyed by libvirt domain name (the members' <c>VmName</c>); the newest sample wins a duplicate name.</summary>
    public static Dictionary<string, MemberLoad> ByVmName(IEnumerable<VmSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var loads = new Dictionary<string, MemberLoad>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (!loads.TryGetValue(sample.Name, out var known) || known.SampleAt < sample.At)
            {
                loads[sample.Name] = ToMemberLoad(sample);
            }
        }

        return loads;
    }
}
