namespace SdnDashboard.Collectors.Libvirt;

/// <summary>What <c>virNodeGetInfo</c> says about a host.</summary>
public sealed record LibvirtNodeInfo(
    string CpuModel, int Cpus, int Mhz, long MemoryKiB, int Sockets, int CoresPerSocket, int ThreadsPerCore);
