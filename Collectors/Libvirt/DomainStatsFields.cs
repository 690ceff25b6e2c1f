using System.Buffers.Text;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// Maps the typed-parameter names of <c>virConnectGetAllDomainStats</c> (<c>state.state</c>,
/// <c>cpu.time</c>, <c>net.0.rx.bytes</c>, <c>block.1.wr.reqs</c>, ...) onto <see cref="DomainCounters"/>.
/// Names it does not know are ignored, so newer libvirt versions with more fields change nothing.
/// </summary>
internal static class DomainStatsFields
{
    /// <summary>Applies one numeric parameter.</summary>
    public static void Apply(DomainCounters counters, ReadOnlySpan<byte> field, long value)
    {
        switch (field)
        {
            case var f when f.SequenceEqual("state.state"u8):
                counters.HasState = true;
                counters.State = (int)value;
                return;
            case var f when f.SequenceEqual("state.reason"u8):
                counters.StateReason = (int)value;
                return;
            case var f when f.SequenceEqual("cpu.time"u8):
                counters.HasCpu = true;
                counters.CpuTimeNs = value;
                return;
            case var f when f.SequenceEqual("vcpu.current"u8):
                counters.HasVcpu = true;
                counters.Vcpus = (int)value;
                return;
            case var f when f.SequenceEqual("balloon.current"u8):
                counters.HasBalloon = true;
                counters.CurrentMemoryKiB = value;
                return;
            case var f when f.SequenceEqual("balloon.maximum"u8):
                counters.MaxMemoryKiB = value;
                return;
            case var f when f.SequenceEqual("balloon.available"u8):
                counters.AvailableKiB = value;
                return;
            case var f when f.SequenceEqual("balloon.unused"u8):
                counters.UnusedKiB = value;
                return;
            case var f when f.SequenceEqual("net.count"u8):
                counters.HasInterfaces = true;
                return;
            case var f when f.SequenceEqual("block.count"u8):
                counters.HasBlocks = true;
                return;
        }

        if (TrySplitIndexed(field, "net."u8, out var index, out var rest))
        {
            var nic = counters.InterfaceAt(index);
            switch (rest)
            {
                case var r when r.SequenceEqual("rx.bytes"u8): nic.RxBytes = value; break;
                case var r when r.SequenceEqual("rx.pkts"u8): nic.RxPackets = value; break;
                case var r when r.SequenceEqual("rx.errs"u8): nic.RxErrors = value; break;
                case var r when r.SequenceEqual("rx.drop"u8): nic.RxDrops = value; break;
                case var r when r.SequenceEqual("tx.bytes"u8): nic.TxBytes = value; break;
                case var r when r.SequenceEqual("tx.pkts"u8): nic.TxPackets = value; break;
                case var r when r.SequenceEqual("tx.errs"u8): nic.TxErrors = value; break;
                case var r when r.SequenceEqual("tx.drop"u8): nic.TxDrops = value; break;
            }
        }
        else if (TrySplitIndexed(field, "block."u8, out index, out rest))
        {
            var disk = counters.BlockAt(index);
            switch (rest)
            {
                case var r when r.SequenceEqual("rd.reqs"u8): disk.ReadRequests = value; break;
                case var r when r.SequenceEqual("rd.bytes"u8): disk.ReadBytes = value; break;
                case var r when r.SequenceEqual("wr.reqs"u8): disk.WriteRequests = value; break;
                case var r when r.SequenceEqual("wr.bytes"u8): disk.WriteBytes = value; break;
                case var r when r.SequenceEqual("capacity"u8): disk.CapacityBytes = value; break;
                case var r when r.SequenceEqual("allocation"u8): disk.AllocationBytes = value; break;
            }
        }
    }

    /// <summary>Applies one string parameter (device names).</summary>
    public static void Apply(DomainCounters counters, ReadOnlySpan<byte> field, string value)
    {
        if (TrySplitIndexed(field, "net."u8, out var index, out var rest) && rest.SequenceEqual("name"u8))
        {
            counters.InterfaceAt(index).Name = value;
        }
        else if (TrySplitIndexed(field, "block."u8, out index, out rest) && rest.SequenceEqual("name"u8))
        {
            counters.BlockAt(index).Name = value;
        }
    }

    private static bool TrySplitIndexed(ReadOnlySpan<byte> field, ReadOnlySpan<byte> prefix, out int index, out ReadOnlySpan<byte> rest)
    {
        index = 0;
        rest = default;
        if (!field.StartsWith(prefix))
        {
            return false;
        }

        var tail = field[prefix.Length..];
        var dot = tail.IndexOf((byte)'.');
        // An index above a few thousand devices is not a device number but a malformed name.
        if (dot <= 0 || !Utf8Parser.TryParse(tail[..dot], out index, out var consumed) || consumed != dot || index is < 0 or > 4096)
        {
            return false;
        }

        rest = tail[(dot + 1)..];
        return true;
    }
}
