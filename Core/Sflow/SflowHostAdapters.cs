using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Sflow;

/// <summary>Host adapters (ifIndex to MAC addresses), format 0:2001.</summary>
public sealed record SflowHostAdapters : SflowCounterRecord
{
    public IReadOnlyList<SflowHostAdapter> Adapters { get; init; } = [];

    protected override string RecordName => "hostAdapters";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostAdapters;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> mac = stackalloc byte[MacAddress.Size];
        writer.WriteUInt32((uint)Adapters.Count);
        foreach (var adapter in Adapters)
        {
            writer.WriteUInt32(adapter.IfIndex);
            writer.WriteUInt32((uint)adapter.MacAddresses.Count);
            foreach (var address in adapter.MacAddresses)
            {
                address.Write(mac);
                writer.WriteFixedOpaque(mac);
            }
        }
    }

    internal static SflowHostAdapters ReadBody(ref SflowReader r)
    {
        // An adapter is at least 8 bytes (ifIndex, MAC count); a MAC is 8 (6 bytes padded).
        var count = r.ReadCount(8);
        var adapters = new SflowHostAdapter[count];
        for (var i = 0; i < adapters.Length; i++)
        {
            var ifIndex = r.ReadUInt32();
            var macs = new MacAddress[r.ReadCount(8)];
            for (var m = 0; m < macs.Length; m++)
            {
                macs[m] = MacAddress.Read(r.ReadFixedOpaque(MacAddress.Size));
            }

            adapters[i] = new SflowHostAdapter { IfIndex = ifIndex, MacAddresses = macs };
        }

        return new SflowHostAdapters { Adapters = adapters };
    }
}
