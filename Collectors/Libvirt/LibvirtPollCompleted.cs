using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>One finished poll of one host, with the VMs that were there last poll and no longer are.</summary>
internal sealed record LibvirtPollCompleted(HostPoll Poll, IReadOnlyList<string> GoneUuids) : LibvirtPollerEvent;
