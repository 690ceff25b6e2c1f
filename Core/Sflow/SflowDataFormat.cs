namespace SdnDashboard.Core.Sflow;

/// <summary>
/// An sFlow <c>data_format</c>: a 20-bit enterprise and a 12-bit format number packed in one word; it
/// names sample types and record types.
/// </summary>
public readonly record struct SflowDataFormat(uint Value)
{
    public SflowDataFormat(uint enterprise, uint format)
        : this((enterprise << 12) | (format & 0xFFF))
    {
    }

    public uint Enterprise => Value >> 12;

    public uint Format => Value & 0xFFF;

    public override string ToString() => $"{Enterprise}:{Format}";

    public static readonly SflowDataFormat FlowSample = new(0, 1);
    public static readonly SflowDataFormat CounterSample = new(0, 2);
    public static readonly SflowDataFormat ExpandedFlowSample = new(0, 3);
    public static readonly SflowDataFormat ExpandedCounterSample = new(0, 4);

    public static readonly SflowDataFormat RawPacketHeader = new(0, 1);
    public static readonly SflowDataFormat EthernetFrameData = new(0, 2);
    public static readonly SflowDataFormat Ipv4Data = new(0, 3);
    public static readonly SflowDataFormat Ipv6Data = new(0, 4);
    public static readonly SflowDataFormat ExtendedSwitch = new(0, 1001);
    public static readonly SflowDataFormat ExtendedRouter = new(0, 1002);

    public static readonly SflowDataFormat GenericInterfaceCounters = new(0, 1);
    public static readonly SflowDataFormat EthernetCounters = new(0, 2);
    public static readonly SflowDataFormat VlanCounters = new(0, 5);
    public static readonly SflowDataFormat ProcessorCounters = new(0, 1001);
    public static readonly SflowDataFormat OpenFlowPort = new(0, 1004);
    public static readonly SflowDataFormat PortName = new(0, 1005);
    public static readonly SflowDataFormat HostDescription = new(0, 2000);
    public static readonly SflowDataFormat HostAdapters = new(0, 2001);
    public static readonly SflowDataFormat HostParent = new(0, 2002);
    public static readonly SflowDataFormat HostCpu = new(0, 2003);
    public static readonly SflowDataFormat HostMemory = new(0, 2004);
    public static readonly SflowDataFormat HostDiskIo = new(0, 2005);
    public static readonly SflowDataFormat HostNetIo = new(0, 2006);
    public static readonly SflowDataFormat VirtNode = new(0, 2100);
    public static readonly SflowDataFormat VirtCpu = new(0, 2101);
    public static readonly SflowDataFormat VirtMemory = new(0, 2102);
    public static readonly SflowDataFormat VirtDiskIo = new(0, 2103);
    public static readonly SflowDataFormat VirtNetIo = new(0, 2104);
}
