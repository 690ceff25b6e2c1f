using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;
using SdnDashboard.Dashboard.Demo;

namespace SdnDashboard.Tests.Balancing;

/// <summary>
/// One switch with the product's in-memory flow table (the demo switch's <see cref="DemoFlowTable"/>), hosts on
/// its ports and the controller apps behind it: a frame that misses (or hits the table-miss flow) becomes a packet-in through the <see cref="ControllerPipeline"/>,
/// whose flow-mods go into the table and whose packet-outs go onto the wire; the hosts' answers are sent in
/// turn until the network is quiet. Time moves only by <see cref="Advance"/>.
/// </summary>
public sealed class FakeNetwork
{
    public const ulong DatapathId = 0x1;

    private readonly Dictionary<uint, FakeHost> _hosts = [];

    public FakeNetwork(IEnumerable<IControllerApp> apps, DateTimeOffset? start = null)
    {
        Pipeline = new ControllerPipeline(apps);
        Table = new DemoFlowTable(DatapathId);
        Now = start ?? new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    }

    public ControllerPipeline Pipeline { get; }

    public DemoFlowTable Table { get; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Every packet-in sent to the controller.</summary>
    public List<PacketIn> PacketIns { get; } = [];

    /// <summary>Every command the controller sent.</summary>
    public List<SwitchCommand> Commands { get; } = [];

    public IReadOnlyCollection<FakeHost> Hosts => _hosts.Values;

    public FakeHost Attach(string name, MacAddress mac, uint ip, uint port, bool servesTcp = false)
    {
        var host = new FakeHost(name, mac, ip, port) { ServesTcp = servesTcp };
        _hosts.Add(port, host);
        return host;
    }

    /// <summary>The switch completes its handshake: every attached port is reported up.</summary>
    public void Connect() => Deliver(new SwitchConnected(
        DatapathId, 4, [.. _hosts.Values.Select(h => new SwitchPort(h.Port, new MacAddress(0x0200_0000_0000UL | h.Port), $"p{h.Port}", true))]));

    /// <summary>Hands an event to the controller and applies what it answers.</summary>
    public void Deliver(ControllerEvent controllerEvent) => Apply(Pipeline.Handle(controllerEvent, Now));

    /// <summary>Applies commands from outside an event (run-time edits), as the connection layer would send them.</summary>
    public void Apply(IReadOnlyList<SwitchCommand> commands)
    {
        var wire = new Queue<(uint Port, byte[] Frame)>();
        Execute(commands, wire);
        Run(wire);
    }

    /// <summary>Puts frames from a host onto its port and runs the network until it is quiet.</summary>
    public void Send(FakeHost host, IEnumerable<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(host);
        var wire = new Queue<(uint Port, byte[] Frame)>(frames.Select(f => (host.Port, f)));
        Run(wire);
    }

    /// <summary>Moves the clock; expired flows are removed and their flow-removed messages reach the controller.</summary>
    public void Advance(TimeSpan by)
    {
        Now += by;
        foreach (var removed in Table.Expire(Now))
        {
            Deliver(removed);
        }
    }

    /// <summary>Where the switch would send a frame from a port, and how rewritten: (port, frame) pairs, or empty on a miss.</summary>
    public IReadOnlyList<(uint Port, byte[] Frame)> Trace(uint inPort, byte[] frame)
    {
        var flow = Table.Lookup(FrameReader.Read(frame), inPort, frame.Length, Now);
        return flow is null ? [] : Outputs(flow.Actions, inPort, frame).Where(o => o.Port != OfPorts.Controller).ToList();
    }

    private void Run(Queue<(uint Port, byte[] Frame)> wire)
    {
        for (var steps = 0; wire.Count > 0; steps++)
        {
            if (steps > 100_000)
            {
                throw new InvalidOperationException("The fake network did not settle: a forwarding loop?");
            }

            var (inPort, frame) = wire.Dequeue();
            var flow = Table.Lookup(FrameReader.Read(frame), inPort, frame.Length, Now);
            if (flow is null)
            {
                continue;
            }

            foreach (var (port, output) in Outputs(flow.Actions, inPort, frame))
            {
                if (port == OfPorts.Controller)
                {
                    var packetIn = new PacketIn(DatapathId)
                    {
                        InPort = inPort,
                        Reason = flow.Priority == 0 ? PacketInReason.NoMatch : PacketInReason.Action,
                        Cookie = flow.Cookie,
                        TotalLength = output.Length,
                        Data = output,
                    };
                    PacketIns.Add(packetIn);
                    Execute(Pipeline.Handle(packetIn, Now), wire);
                }
                else
                {
                    Transmit(port, output, wire);
                }
            }
        }
    }

    private void Execute(IReadOnlyList<SwitchCommand> commands, Queue<(uint Port, byte[] Frame)> wire)
    {
        foreach (var command in commands)
        {
            Commands.Add(command);
            Assert.Equal(DatapathId, command.DatapathId);
            switch (command)
            {
                case FlowModCommandMessage mod:
                    foreach (var removed in Table.Apply(mod, Now))
                    {
                        Execute(Pipeline.Handle(removed, Now), wire);
                    }

                    break;
                case PacketOutCommand packetOut:
                    Assert.Equal(OfPorts.NoBuffer, packetOut.BufferId);
                    foreach (var (port, output) in Outputs(packetOut.Actions, packetOut.InPort, packetOut.Data.ToArray()))
                    {
                        Transmit(port, output, wire);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private IEnumerable<(uint Port, byte[] Frame)> Outputs(IReadOnlyList<FlowAction> actions, uint inPort, byte[] frame)
    {
        // Actions apply in order: an output sends the frame as rewritten so far.
        var current = frame;
        foreach (var action in actions)
        {
            if (action is not OutputAction output)
            {
                current = FrameRewriter.Apply(current, [action]);
                continue;
            }

            if (output.Port is OfPorts.Flood or OfPorts.All)
            {
                foreach (var port in _hosts.Keys.Where(p => p != inPort || output.Port == OfPorts.All).Order())
                {
                    yield return (port, current);
                }
            }
            else
            {
                yield return (output.Port == OfPorts.InPort ? inPort : output.Port, current);
            }
        }
    }

    private void Transmit(uint port, byte[] frame, Queue<(uint Port, byte[] Frame)> wire)
    {
        if (port == OfPorts.Controller || !_hosts.TryGetValue(port, out var host))
        {
            return;
        }

        foreach (var answer in host.Receive(frame))
        {
            wire.Enqueue((host.Port, answer));
        }
    }
}
