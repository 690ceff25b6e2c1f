using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// The benchmark's own minimal learning switch (the product's learning app in Core/Control/Apps is written in
/// parallel and not merged yet): learn the source port; known destination → one flow-mod on (in-port, source,
/// destination) that carries the packet-in's buffer id (what cbench expects), plus a packet-out only when the
/// packet was not buffered; unknown destination → flood.
/// </summary>
internal sealed class BenchLearningSwitch : IControllerApp
{
    private readonly Dictionary<ulong, Dictionary<ulong, uint>> _tables = [];
    private readonly Dictionary<uint, FlowAction[]> _outputs = [];
    private static readonly FlowAction[] Flood = [new OutputAction(OfPorts.Flood)];

    public int Order => 100;

    public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
    {
        switch (controllerEvent)
        {
            case SwitchConnected c:
                _tables[c.DatapathId] = [];
                return c.Version >= 4 ? [new FlowModCommandMessage(c.DatapathId) { Priority = 0, Actions = [new OutputAction(OfPorts.Controller)] }] : [];
            case SwitchDisconnected d:
                _tables.Remove(d.DatapathId);
                return [];
            case PacketIn p when p.Data.Length >= 14:
                return OnPacketIn(p);
            default:
                return [];
        }
    }

    private SwitchCommand[] OnPacketIn(PacketIn p)
    {
        var span = p.Data.Span;
        var dst = MacAddress.Read(span);
        var src = MacAddress.Read(span[6..]);
        if (!_tables.TryGetValue(p.DatapathId, out var table))
        {
            _tables[p.DatapathId] = table = [];
        }

        table[src.Value] = p.InPort;
        if (dst.IsMulticast || !table.TryGetValue(dst.Value, out var outPort))
        {
            return [new PacketOutCommand(p.DatapathId)
            {
                BufferId = p.BufferId, InPort = p.InPort, Actions = Flood,
                Data = p.BufferId == OfPorts.NoBuffer ? p.Data : ReadOnlyMemory<byte>.Empty,
            }];
        }

        if (!_outputs.TryGetValue(outPort, out var actions))
        {
            _outputs[outPort] = actions = [new OutputAction(outPort)];
        }

        var flowMod = new FlowModCommandMessage(p.DatapathId)
        {
            Priority = 10, IdleTimeoutSeconds = 60, BufferId = p.BufferId, Actions = actions,
            Match = new PacketMatch { InPort = p.InPort, EthSrc = src, EthDst = dst },
        };
        return p.BufferId != OfPorts.NoBuffer
            ? [flowMod]
            : [flowMod, new PacketOutCommand(p.DatapathId) { InPort = p.InPort, Actions = actions, Data = p.Data }];
    }
}
