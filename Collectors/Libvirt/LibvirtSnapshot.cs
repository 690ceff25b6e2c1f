using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>The output of <c>libvirt snapshot</c>: every host and VM read once.</summary>
public sealed record LibvirtSnapshot(IReadOnlyList<HostSample> Hosts, IReadOnlyList<VmSample> Vms);
