namespace SdnDashboard.Collectors.Libvirt;

/// <summary>What a host poller thread hands to the publishing loop: a poll or a change of its source's status.</summary>
internal abstract record LibvirtPollerEvent;
