using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control.Apps;

/// <summary>
/// The ordinary L2 learning switch (the behaviour of Ryu's <c>simple_switch_13</c>) for every packet the
/// load balancer leaves alone: a table-miss flow to the controller on connect, source MAC to port learned
/// per switch, a flow installed once the destination is known, otherwise a flood through a packet-out.
/// Thread-safe: connections of several switches may call it at once.
/// </summary>
public sealed class LearningSwitchApp : IControllerApp
{
    /// <summary>Cookie of every flow this app installs: "LS" in the top 16 bits, see <see cref="CookieMask"/>.</summary>
    public const ulong Cookie = 0x4C53_0000_0000_0000UL;

    /// <summary>Mask that selects the flows of this app for a delete.</summary>
    public const ulong CookieMask = 0xFFFF_0000_0000_0000UL;

    /// <summary>Priority of learned flows: above the table-miss flow, below every load-balancer flow.</summary>
    public const ushort FlowPriority = 1;

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, Dictionary<MacAddress, uint>> _tables = [];

    // Action lists are immutable once made: one per output port, shared by every flow to it, so a flow setup
    // allocates no action list of its own.
    private readonly Dictionary<uint, FlowAction[]> _outputs = [];
    private static readonly FlowAction[] Flood = [new OutputAction(OfPorts.Flood)];

    /// <summary>Port numbers are the switch's to choose: the cache stays bounded whatever a switch reports.</summary>
    private const int MaxCachedOutputs = 4096;
    private readonly ushort _idleTimeoutSeconds;
    private long _malformedFrames;

    /// <param name="idleTimeoutSeconds">
    /// Idle timeout of learned flows; non-zero so that a host that moves to another port is re-learned.
    /// </param>
    public LearningSwitchApp(ushort idleTimeoutSeconds = 60)
    {
        _idleTimeoutSeconds = idleTimeoutSeconds;
    }

    public int Order => 100;

    /// <summary>Packet-ins whose frame could not be read; they are dropped.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);

    /// <summary>The port a MAC was last seen on at a switch, if learned.</summary>
    public uint? Locate(ulong datapathId, MacAddress mac)
    {
        lock (_gate)
        {
            return _tables.TryGetValue(datapathId, out var table) && table.TryGetValue(mac, out var port) ? port : null;
        }
    }

    public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now) => controllerEvent switch
    {
        SwitchConnected connected => OnConnected(connected),
        SwitchDisconnected disconnected => Forget(disconnected.DatapathId),
        PortStatusChanged status => OnPortStatus(status),
        PacketIn packetIn => OnPacketIn(packetIn),
        _ => [],
    };

    private FlowModCommandMessage[] OnConnected(SwitchConnected connected)
    {
        Forget(connected.DatapathId);
        return
        [
            new FlowModCommandMessage(connected.DatapathId)
            {
                Priority = 0,
                Match = PacketMatch.Any,
                Cookie = Cookie,
                Actions = [new OutputAction(OfPorts.Controller, 0xFFFF)],
            },
        ];
    }

    private SwitchCommand[] Forget(ulong datapathId)
    {
        lock (_gate)
        {
            _tables.Remove(datapathId);
        }

        return [];
    }

    private SwitchCommand[] OnPortStatus(PortStatusChanged status)
    {
        if (status.Change != PortChange.Deleted && status.Port.IsUp)
        {
            return [];
        }

        lock (_gate)
        {
            if (_tables.TryGetValue(status.DatapathId, out var table))
            {
                foreach (var mac in table.Where(p => p.Value == status.Port.Number).Select(p => p.Key).ToList())
                {
                    table.Remove(mac);
                }
            }
        }

        // Hosts behind a port that went away must be re-learned wherever they reappear.
        return
        [
            new FlowModCommandMessage(status.DatapathId)
            {
                Command = FlowModCommand.Delete,
                Cookie = Cookie,
                CookieMask = CookieMask,
                OutPort = status.Port.Number,
            },
            new FlowModCommandMessage(status.DatapathId)
            {
                Command = FlowModCommand.Delete,
                Cookie = Cookie,
                CookieMask = CookieMask,
                Match = new PacketMatch { InPort = status.Port.Number },
            },
        ];
    }

    private SwitchCommand[] OnPacketIn(PacketIn packetIn)
    {
        if (!FrameReader.TryRead(packetIn.Data.Span, out var frame))
        {
            Interlocked.Increment(ref _malformedFrames);
            return [];
        }

        if (frame.EthType == EtherTypes.Lldp)
        {
            return [];
        }

        uint? outPort = null;
        FlowAction[]? actions = null;
        lock (_gate)
        {
            if (!_tables.TryGetValue(packetIn.DatapathId, out var table))
            {
                table = [];
                _tables.Add(packetIn.DatapathId, table);
            }

            if (!frame.EthSrc.IsMulticast)
            {
                table[frame.EthSrc] = packetIn.InPort;
            }

            if (!frame.EthDst.IsMulticast && table.TryGetValue(frame.EthDst, out var known))
            {
                outPort = known;
                if (!_outputs.TryGetValue(known, out actions))
                {
                    actions = [new OutputAction(known)];
                    if (_outputs.Count < MaxCachedOutputs)
                    {
                        _outputs.Add(known, actions);
                    }
                }
            }
        }

        if (outPort is not { } port || actions is null)
        {
            return [PacketOut(packetIn, Flood)];
        }

        if (port == packetIn.InPort)
        {
            // A frame for a host on the port it came from: the segment behind the port already delivered it.
            return [];
        }

        var flow = new FlowModCommandMessage(packetIn.DatapathId)
        {
            Priority = FlowPriority,
            Match = new PacketMatch { InPort = packetIn.InPort, EthSrc = frame.EthSrc, EthDst = frame.EthDst },
            Actions = actions,
            Cookie = Cookie,
            IdleTimeoutSeconds = _idleTimeoutSeconds,
            BufferId = packetIn.BufferId,
        };
        return packetIn.BufferId == OfPorts.NoBuffer ? [flow, PacketOut(packetIn, actions)] : [flow];
    }

    private static PacketOutCommand PacketOut(PacketIn packetIn, IReadOnlyList<FlowAction> actions) => new(packetIn.DatapathId)
    {
        BufferId = packetIn.BufferId,
        InPort = packetIn.InPort,
        Actions = actions,
        Data = packetIn.BufferId == OfPorts.NoBuffer ? packetIn.Data : default,
    };
}
