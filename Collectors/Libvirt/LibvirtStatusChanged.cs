using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>A URI became reachable or unreachable.</summary>
internal sealed record LibvirtStatusChanged(SourceStatus Status) : LibvirtPollerEvent;
