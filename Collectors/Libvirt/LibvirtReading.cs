using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// One poll of one host: the host, every domain with its cumulative counters (rates not yet filled), and
/// what could not be read.
/// </summary>
/// <param name="Host">The host as <c>virNodeGetInfo</c> and the domain list describe it.</param>
/// <param name="Vms">Every domain libvirt listed, in libvirt's order.</param>
/// <param name="UnreadUuids">Domains libvirt listed that could not be read this time: not gone, not in <paramref name="Vms"/>.</param>
/// <param name="DeviceErrors">Per-domain or per-device calls that failed (a domain stopping mid-poll).</param>
/// <param name="LastDeviceError">The message of the last such failure, for the log.</param>
public sealed record LibvirtReading(
    HostSample Host, IReadOnlyList<VmSample> Vms, IReadOnlyList<string> UnreadUuids, int DeviceErrors, string? LastDeviceError);
