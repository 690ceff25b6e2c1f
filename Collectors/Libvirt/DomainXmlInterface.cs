namespace SdnDashboard.Collectors.Libvirt;

/// <summary>An <c>&lt;interface&gt;</c>: host-side target, MAC, and the bridge or network it joins.</summary>
internal sealed record DomainXmlInterface(string? Target, string Mac, string? Bridge, string? Network);
