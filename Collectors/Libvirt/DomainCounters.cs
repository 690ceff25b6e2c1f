namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// One domain's raw readings from one poll, filled from the bulk stats call and then from per-domain
/// calls for each group the driver did not return. The <c>Has*</c> flags say which groups are filled.
/// </summary>
internal sealed class DomainCounters
{
    public bool HasState { get; set; }

    public int State { get; set; }

    public int StateReason { get; set; }

    public bool HasCpu { get; set; }

    public long CpuTimeNs { get; set; }

    public bool HasVcpu { get; set; }

    public int Vcpus { get; set; }

    public bool HasBalloon { get; set; }

    public long CurrentMemoryKiB { get; set; }

    public long MaxMemoryKiB { get; set; }

    public long? AvailableKiB { get; set; }

    public long? UnusedKiB { get; set; }

    public bool HasInterfaces { get; set; }

    public List<InterfaceCounters> Interfaces { get; } = [];

    public bool HasBlocks { get; set; }

    public List<BlockCounters> Blocks { get; } = [];

    /// <summary>Guest memory in use from balloon stats, when the guest reports them.</summary>
    public long? MemoryUsedKiB => AvailableKiB is { } available && UnusedKiB is { } unused ? available - unused : null;

    /// <summary>The entry at <paramref name="index"/>, created when the bulk call numbers it for the first time.</summary>
    public InterfaceCounters InterfaceAt(int index)
    {
        while (Interfaces.Count <= index)
        {
            Interfaces.Add(new InterfaceCounters());
        }

        return Interfaces[index];
    }

    /// <summary>The entry at <paramref name="index"/>, created when the bulk call numbers it for the first time.</summary>
    public BlockCounters BlockAt(int index)
    {
        while (Blocks.Count <= index)
        {
            Blocks.Add(new BlockCounters());
        }

        return Blocks[index];
    }

    /// <summary>Raw counters of one vNIC.</summary>
    internal sealed class InterfaceCounters
    {
        public string? Name { get; set; }

        public long RxBytes { get; set; }

        public long RxPackets { get; set; }

        public long RxErrors { get; set; }

        public long RxDrops { get; set; }

        public long TxBytes { get; set; }

        public long TxPackets { get; set; }

        public long TxErrors { get; set; }

        public long TxDrops { get; set; }
    }

    /// <summary>Raw counters and sizes of one disk.</summary>
    internal sealed class BlockCounters
    {
        public string? Name { get; set; }

        public long ReadRequests { get; set; }

        public long ReadBytes { get; set; }

        public long WriteRequests { get; set; }

        public long WriteBytes { get; set; }

        public long CapacityBytes { get; set; }

        public long AllocationBytes { get; set; }
    }
}
