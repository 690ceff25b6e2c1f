namespace SdnDashboard.Collectors.Libvirt;

/// <summary>A <c>&lt;disk device='disk'&gt;</c>: guest target and the host path behind it.</summary>
internal sealed record DomainXmlDisk(string Target, string? SourcePath);
