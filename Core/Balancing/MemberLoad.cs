namespace SdnDashboard.Core.Balancing;

/// <summary>The monitored load of a member's VM, as the last libvirt poll reported it.</summary>
/// <param name="CpuPercent">CPU use, 100 = every vCPU busy.</param>
/// <param name="MemoryPercent">Guest memory in use, or <c>null</c> when the driver does not report it.</param>
/// <param name="NetBytesPerSec">Received plus transmitted bytes per second over all interfaces.</param>
/// <param name="SampleAt">When the collector read these values; older than the staleness threshold = not chosen.</param>
/// <param name="VmState">libvirt domain state; only <c>running</c> is chosen.</param>
public sealed record MemberLoad(double CpuPercent, double? MemoryPercent, double NetBytesPerSec, DateTimeOffset SampleAt, string VmState)
{
    /// <summary>The libvirt state name of a VM that can serve.</summary>
    public const string Running = "running";

    public bool IsRunning => string.Equals(VmState, Running, StringComparison.OrdinalIgnoreCase);
}
