using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>What the collector needs from a domain's XML: device identities and Nova's metadata.</summary>
internal sealed record DomainXmlInfo(
    IReadOnlyList<DomainXmlInterface> Interfaces, IReadOnlyList<DomainXmlDisk> Disks, NovaInstanceInfo? Nova);
