using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>
/// A minimal learning switch, test double only (the product's apps live in Core/Control/Apps): on connect it
/// installs a table-miss flow to the controller; on a packet-in it learns the source port and either installs
/// an exact flow (in-port, source, destination; releasing the buffered packet) or floods.
/// </summary>
internal sealed class TestLearningSwitch : IControllerApp
{
    public const ushort FlowPriority = 10;
    public const ushort IdleTimeout = 60;

    private readonly Dictionary<ulong, Dictionary<MacAddress, uint>> _tables = [];
    private readonly Lock _eventsLock = new();
    private readonly List<ControllerEvent> _events = [];

    public int Order => 100;

    /// <summary>Every non-packet-in event, in arrival order (read from the test thread).</summary>
    public IReadOnlyList<ControllerEvent> Events
    {
        get
        {
            lock (_eventsLock)
            {
                return [.. _events];
            }
        }
    }

    public int PacketIns { get; private set; }

    public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
    {
        if (controllerEvent is not PacketIn)
        {
            lock (_eventsLock)
            {
                _events.Add(controllerEvent);
            }
        }

        switch (controllerEvent)
        {
            case SwitchConnected c:
                _tables[c.DatapathId] = [];
                return [new FlowModCommandMessage(c.DatapathId) { Priority = 0, Actions = [new OutputAction(OfPorts.Controller)] }];
            case SwitchDisconnected d:
                _tables.Remove(d.DatapathId);
                return [];
            case PacketIn p when p.Data.Length >= 14:
                PacketIns++;
                return OnPacketIn(p);
            default:
                return [];
        }
    }

    private List<SwitchCommand> OnPacketIn(PacketIn p)
    {
        var dst = MacAddress.Read(p.Data.Span);
        var src = MacAddress.Read(p.Data.Span[6..]);
        if (!_tables.TryGetValue(p.DatapathId, out var table))
        {
            _tables[p.DatapathId] = table = [];
        }

        table[src] = p.InPort;
        if (!dst.IsMulticast && table.TryGetValue(dst, out var outPort))
        {
            var commands = new List<SwitchCommand>(2)
            {
                new FlowModCommandMessage(p.DatapathId)
                {
                    Priority = FlowPriority, IdleTimeoutSeconds = IdleTimeout, BufferId = p.BufferId,
                    Match = new PacketMatch { InPort = p.InPort, EthSrc = src, EthDst = dst },
                    Actions = [new OutputAction(outPort)],
                },
            };
            if (p.BufferId == OfPorts.NoBuffer)
            {
                commands.Add(new PacketOutCommand(p.DatapathId) { InPort = p.InPort, Actions = [new OutputAction(outPort)], Data = p.Data });
            }

            return commands;
        }

        return [new PacketOutCommand(p.DatapathId)
        {
            BufferId = p.BufferId, InPort = p.InPort, Actions = [new OutputAction(OfPorts.Flood)],
            Data = p.BufferId == OfPorts.NoBuffer ? p.Data : ReadOnlyMemory<byte>.Empty,
        }];
    }
}
