using SdnDashboard.Core.Balancing.Algorithms;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Balancing;

/// <summary>
/// Everything the load balancer knows: the services and their members, the affinity table, where hosts
/// were seen, the VMs' monitored load and the connected switches. The controller app, the UI and the API
/// share one instance; every member is thread-safe (one lock; reads return immutable copies). Each edit
/// returns the commands that make the switches agree with it, for every connected switch.
/// </summary>
public sealed class BalancerState
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, ServiceRuntime> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _serviceIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, int>> _memberIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(ulong DatapathId, MacAddress Mac), uint> _locations = [];
    private readonly Dictionary<string, MemberLoad> _loads = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> _switches = [];
    private readonly Random _random;
    private Dictionary<uint, ServiceRuntime> _byVip = [];
    private Dictionary<int, ServiceRuntime> _byId = [];
    private Dictionary<MacAddress, List<MemberRuntime>> _membersByMac = [];
    private uint _lastDecision;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Creates the state from validated definitions; throws <see cref="ArgumentException"/> listing every error.</summary>
    /// <param name="settings">Settings common to all services.</param>
    /// <param name="services">The initial services.</param>
    /// <param name="random">Source of randomness for <see cref="PowerOfTwoChoicesAlgorithm"/>; seed it in tests.</param>
    public BalancerState(BalancerSettings settings, IEnumerable<ServiceDefinition> services, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        Settings = settings;
        _random = random ?? Random.Shared;
        var list = services.ToList();
        var errors = ServiceDefinitionValidator.ValidateAll(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(services));
        }

        foreach (var definition in list)
        {
            var runtime = Build(definition, previous: null);
            _services.Add(runtime.Name, runtime);
        }

        Reindex();
    }

    public BalancerSettings Settings { get; }

    /// <summary>Held by the controller app while it handles an event.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>The current service definitions.</summary>
    public IReadOnlyList<ServiceDefinition> Services
    {
        get
        {
            lock (Gate)
            {
                return _services.Values.OrderBy(s => s.Id).Select(s => s.Definition).ToList();
            }
        }
    }

    /// <summary>The switches connected now.</summary>
    public IReadOnlyList<ulong> ConnectedSwitches
    {
        get
        {
            lock (Gate)
            {
                return [.. _switches.Order()];
            }
        }
    }

    /// <summary>Adds a service or replaces its definition (algorithm, weights, affinity, members).</summary>
    /// <remarks>
    /// Existing affinities survive a change of algorithm or weights. A member that is gone or whose MAC or IP
    /// changed loses its clients (its flows are deleted by cookie; their next packet re-balances). A change of
    /// virtual address, port, protocol or affinity mode starts the service afresh.
    /// </remarks>
    public BalancerEditResult ReplaceService(ServiceDefinition definition, string key = ServiceDefinitionValidator.ServicesKey)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = ServiceDefinitionValidator.Validate(definition, key).ToList();
        lock (Gate)
        {
            if (Ipv4.TryParse(definition.VirtualIp, out var vip) && _byVip.TryGetValue(vip, out var holder)
                && !string.Equals(holder.Name, definition.Name, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:VirtualIp '{definition.VirtualIp}' is already used by service '{holder.Name}'");
            }

            if (errors.Count > 0)
            {
                return new BalancerEditResult(errors, []);
            }

            _services.TryGetValue(definition.Name, out var previous);
            var next = Build(definition, previous);
            var commands = new List<SwitchCommand>();
            if (previous is not null)
            {
                Carry(previous, next, commands);
                _services.Remove(previous.Name);
            }

            _services.Add(next.Name, next);
            Reindex();
            return BalancerEditResult.Ok(commands);
        }
    }

    /// <summary>Removes a service, its flows and its affinities.</summary>
    public BalancerEditResult RemoveService(string service)
    {
        lock (Gate)
        {
            if (!_services.Remove(service, out var runtime))
            {
                return BalancerEditResult.Fail($"Service '{service}' does not exist");
            }

            Reindex();
            return BalancerEditResult.Ok(DeleteFlows(FlowCookie.ForService(runtime.Id), FlowCookie.ServiceMask));
        }
    }

    /// <summary>Drains (no new clients; current ones stay) or undrains a member.</summary>
    public BalancerEditResult SetDrained(string service, string member, bool drained)
    {
        lock (Gate)
        {
            if (FindMember(service, member, out var runtime) is { } error)
            {
                return BalancerEditResult.Fail(error);
            }

            runtime!.Drained = drained;
            return BalancerEditResult.Ok([]);
        }
    }

    /// <summary>Removes a member: its flows are deleted by cookie and its clients re-balance on their next packet.</summary>
    public BalancerEditResult RemoveMember(string service, string member)
    {
        lock (Gate)
        {
            if (FindMember(service, member, out var runtime) is { } error)
            {
                return BalancerEditResult.Fail(error);
            }

            var svc = runtime!.Service;
            var definition = svc.Definition with
            {
                Members = svc.Definition.Members.Where(m => !string.Equals(m.Name, member, StringComparison.OrdinalIgnoreCase)).ToList(),
            };
            var next = Build(definition, svc);
            var commands = new List<SwitchCommand>();
            Carry(svc, next, commands);
            _services[svc.Name] = next;
            Reindex();
            return BalancerEditResult.Ok(commands);
        }
    }

    /// <summary>Forgets one client's affinity and deletes its flows; its next packet is balanced afresh.</summary>
    /// <param name="service">The service's name.</param>
    /// <param name="client">The client's MAC (SourceMac, None) or IP (SourceIp).</param>
    public BalancerEditResult EvictAffinity(string service, string client)
    {
        lock (Gate)
        {
            if (!_services.TryGetValue(service, out var svc))
            {
                return BalancerEditResult.Fail($"Service '{service}' does not exist");
            }

            ulong key;
            if (svc.Mode == AffinityMode.SourceIp)
            {
                if (!Ipv4.TryParse(client, out var ip))
                {
                    return BalancerEditResult.Fail($"Client '{client}' is not an IPv4 address");
                }

                key = ip;
            }
            else if (MacAddress.TryParse(client, null, out var mac))
            {
                key = mac.Value;
            }
            else
            {
                return BalancerEditResult.Fail($"Client '{client}' is not a MAC address");
            }

            if (!svc.Affinities.TryGetValue(key, out var entry))
            {
                return BalancerEditResult.Fail($"Service '{service}' has no affinity for client '{client}'");
            }

            var commands = new List<SwitchCommand>();
            Forget(entry, commands);
            return BalancerEditResult.Ok(commands);
        }
    }

    /// <summary>
    /// Takes new monitoring samples by VM name (merged into what is known). A newer sample of a VM resets
    /// its members' count of clients assigned since the last sample.
    /// </summary>
    public void UpdateLoads(IReadOnlyDictionary<string, MemberLoad> loads, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(loads);
        lock (Gate)
        {
            foreach (var (vm, load) in loads)
            {
                if (_loads.TryGetValue(vm, out var old) && load.SampleAt <= old.SampleAt)
                {
                    continue;
                }

                _loads[vm] = load;
                foreach (var member in _services.Values.SelectMany(s => s.Members))
                {
                    if (string.Equals(member.Definition.VmName, vm, StringComparison.Ordinal))
                    {
                        member.AssignedSinceSample = 0;
                    }
                }
            }

            // A VM gone from every poll for long would otherwise stay in memory forever.
            foreach (var vm in _loads.Where(p => now - p.Value.SampleAt > Settings.LoadStaleAfter * 10).Select(p => p.Key).ToList())
            {
                _loads.Remove(vm);
            }
        }
    }

    /// <summary>An immutable picture of every service, its members and its affinity table.</summary>
    public IReadOnlyList<ServiceStatus> Snapshot(DateTimeOffset now)
    {
        lock (Gate)
        {
            Sweep(now, force: true);
            return _services.Values.OrderBy(s => s.Id).Select(s => new ServiceStatus(
                s.Definition,
                s.Id,
                s.Members.Select(m =>
                {
                    var located = _locations.Keys.Any(k => k.Mac == m.Mac);
                    var reason = Ineligibility(m, null, now) ?? (located ? "" : "location unknown");
                    return new MemberStatus(m.Definition, m.Drained, located, LoadOf(m), m.ActiveClients, reason.Length == 0, reason);
                }).ToList(),
                s.Affinities.Values.OrderBy(a => a.Since).ThenBy(a => a.Decision).Select(a => new AffinityEntry(
                    s.Name,
                    s.Mode == AffinityMode.SourceIp ? Ipv4.Format(a.ClientIp) : a.ClientMac.ToString(),
                    a.ClientMac,
                    Ipv4.Format(a.ClientIp),
                    a.Member.Name,
                    a.Since,
                    a.LastSeen,
                    a.ForwardCookie,
                    [.. a.FlowSwitches.Order()]) { Algorithm = a.Algorithm }).ToList())).ToList();
        }
    }

    internal ServiceRuntime? ServiceByVip(uint vip) => _byVip.GetValueOrDefault(vip);

    internal ServiceRuntime? ServiceById(int id) => _byId.GetValueOrDefault(id);

    internal List<MemberRuntime>? MembersByMac(MacAddress mac) => _membersByMac.GetValueOrDefault(mac);

    internal void SwitchConnected(ulong datapathId)
    {
        _switches.Add(datapathId);
        DropSwitch(datapathId);

        // A (re)connected switch knows no member yet: probe on the first occasion, not a probe interval later.
        foreach (var member in _services.Values.SelectMany(s => s.Members))
        {
            member.LastProbeAt = DateTimeOffset.MinValue;
        }
    }

    internal void SwitchDisconnected(ulong datapathId)
    {
        _switches.Remove(datapathId);
        DropSwitch(datapathId);
    }

    internal void Learn(ulong datapathId, MacAddress mac, uint port) => _locations[(datapathId, mac)] = port;

    internal uint? Locate(ulong datapathId, MacAddress mac) =>
        _locations.TryGetValue((datapathId, mac), out var port) ? port : null;

    internal void ForgetPort(ulong datapathId, uint port)
    {
        foreach (var key in _locations.Where(p => p.Key.DatapathId == datapathId && p.Value == port).Select(p => p.Key).ToList())
        {
            _locations.Remove(key);
        }
    }

    internal MemberLoad? LoadOf(MemberRuntime member) =>
        member.Definition.VmName is { } vm ? _loads.GetValueOrDefault(vm) : null;

    /// <summary>
    /// Why a member cannot take a new client at a switch (<c>null</c> = it can). <paramref name="datapathId"/>
    /// null checks only what does not depend on the switch.
    /// </summary>
    internal string? Ineligibility(MemberRuntime member, ulong? datapathId, DateTimeOffset now) =>
        member.Drained ? "drained" : ServingProblem(member, datapathId, now);

    /// <summary>Why a member cannot serve at all, drained or not (<c>null</c> = it can).</summary>
    internal string? ServingProblem(MemberRuntime member, ulong? datapathId, DateTimeOffset now)
    {
        if (datapathId is { } dpid && !_locations.ContainsKey((dpid, member.Mac)))
        {
            return "location unknown";
        }

        if (member.Definition.VmName is null)
        {
            return null;
        }

        if (LoadOf(member) is not { } load)
        {
            return "no monitoring";
        }

        if (!load.IsRunning)
        {
            return $"VM {load.VmState}";
        }

        return now - load.SampleAt > Settings.LoadStaleAfter ? "monitoring stale" : null;
    }

    /// <summary>The live affinity of a client, or <c>null</c>; drops it first when expired.</summary>
    internal AffinityRecord? FindAffinity(ServiceRuntime service, ulong key, DateTimeOffset now, List<SwitchCommand> commands)
    {
        if (!service.Affinities.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (IsExpired(service, entry, now))
        {
            Forget(entry, commands);
            return null;
        }

        return entry;
    }

    internal AffinityRecord Assign(ServiceRuntime service, MemberRuntime member, ulong key, MacAddress clientMac, uint clientIp, DateTimeOffset now)
    {
        do
        {
            _lastDecision = _lastDecision >= FlowCookie.MaxDecision ? 1 : _lastDecision + 1;
        }
        while (service.ByDecision.ContainsKey(_lastDecision));

        var entry = new AffinityRecord
        {
            Key = key,
            ClientMac = clientMac,
            ClientIp = clientIp,
            Member = member,
            Since = now,
            LastSeen = now,
            Decision = _lastDecision,
            Algorithm = service.Algorithm.Name,
        };
        service.Affinities[key] = entry;
        service.ByDecision[entry.Decision] = entry;
        member.ActiveClients++;
        member.AssignedSinceSample++;
        return entry;
    }

    /// <summary>Drops an affinity and queues the deletion of its flows on the switches that hold them.</summary>
    internal void Forget(AffinityRecord entry, List<SwitchCommand> commands)
    {
        var service = entry.Member.Service;
        service.Affinities.Remove(entry.Key);
        service.ByDecision.Remove(entry.Decision);
        entry.Member.ActiveClients--;
        foreach (var dpid in entry.FlowSwitches)
        {
            commands.Add(DeleteFlows(dpid, entry.ForwardCookie, FlowCookie.DecisionMask));
        }

        entry.FlowSwitches.Clear();
    }

    /// <summary>Expires affinities idle past their timeout; at most once a second unless forced.</summary>
    internal void Sweep(DateTimeOffset now, bool force = false)
    {
        if (!force && now - _lastSweep < SweepPeriod)
        {
            return;
        }

        _lastSweep = now;
        ForgetExpired(now);
    }

    // Apart from Sweep, which runs on every packet-in: the lambda's closure over `now` is only paid when sweeping.
    private void ForgetExpired(DateTimeOffset now)
    {
        List<SwitchCommand>? ignored = null;
        foreach (var service in _services.Values)
        {
            foreach (var entry in service.Affinities.Values.Where(e => IsExpired(service, e, now)).ToList())
            {
                Forget(entry, ignored ??= []);
            }
        }
    }

    internal static FlowModCommandMessage DeleteFlows(ulong datapathId, ulong cookie, ulong mask) => new(datapathId)
    {
        Command = FlowModCommand.Delete,
        Cookie = cookie,
        CookieMask = mask,
        TableId = 0,
    };

    /// <summary>
    /// An entry whose flows are installed is in use; one without flows lives for the affinity idle timeout
    /// after it was last seen (mode None: only as long as its flows).
    /// </summary>
    private bool IsExpired(ServiceRuntime service, AffinityRecord entry, DateTimeOffset now) =>
        entry.FlowSwitches.Count == 0
        && now - entry.LastSeen >= (service.Mode == AffinityMode.None
            ? TimeSpan.FromSeconds(Settings.FlowIdleTimeoutSeconds)
            : service.AffinityIdle);

    private List<SwitchCommand> DeleteFlows(ulong cookie, ulong mask) =>
        [.. _switches.Order().Select(dpid => DeleteFlows(dpid, cookie, mask))];

    private string? FindMember(string service, string member, out MemberRuntime? runtime)
    {
        runtime = null;
        if (!_services.TryGetValue(service, out var svc))
        {
            return $"Service '{service}' does not exist";
        }

        runtime = svc.FindMember(member);
        return runtime is null ? $"Service '{service}' has no member '{member}'" : null;
    }

    private ServiceRuntime Build(ServiceDefinition definition, ServiceRuntime? previous)
    {
        if (!_serviceIds.TryGetValue(definition.Name, out var id))
        {
            id = _serviceIds.Count + 1;
            _serviceIds.Add(definition.Name, id);
        }

        if (!_memberIds.TryGetValue(definition.Name, out var memberIds))
        {
            memberIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            _memberIds.Add(definition.Name, memberIds);
        }

        // The same algorithm keeps its instance, so a weight edit does not restart a round-robin cycle.
        var algorithm = previous is not null && string.Equals(previous.Algorithm.Name, definition.Algorithm, StringComparison.OrdinalIgnoreCase)
            ? previous.Algorithm
            : BalancingAlgorithms.Create(definition.Algorithm, Settings.LeastLoad, _random);
        return new ServiceRuntime(definition, id, algorithm, memberIds);
    }

    /// <summary>Moves member state and affinities from a service's old runtime to its new one.</summary>
    private void Carry(ServiceRuntime previous, ServiceRuntime next, List<SwitchCommand> commands)
    {
        if (!previous.SameFrontEnd(next))
        {
            commands.AddRange(DeleteFlows(FlowCookie.ForService(previous.Id), FlowCookie.ServiceMask));
            return;
        }

        foreach (var old in previous.Members)
        {
            var kept = next.FindMember(old.Name);
            if (kept is null || !kept.SameAddresses(old))
            {
                commands.AddRange(DeleteFlows(FlowCookie.ForMember(previous.Id, old.Id), FlowCookie.MemberMask));
                continue;
            }

            kept.Drained = old.Drained;
            kept.AssignedSinceSample = old.AssignedSinceSample;
            kept.LastProbeAt = old.LastProbeAt;
        }

        foreach (var entry in previous.Affinities.Values)
        {
            var kept = next.FindMember(entry.Member.Name);
            if (kept is null || !kept.SameAddresses(entry.Member))
            {
                continue;
            }

            entry.Member = kept;
            kept.ActiveClients++;
            next.Affinities.Add(entry.Key, entry);
            next.ByDecision.Add(entry.Decision, entry);
        }
    }

    private void DropSwitch(ulong datapathId)
    {
        foreach (var key in _locations.Keys.Where(k => k.DatapathId == datapathId).ToList())
        {
            _locations.Remove(key);
        }

        foreach (var entry in _services.Values.SelectMany(s => s.Affinities.Values))
        {
            entry.FlowSwitches.Remove(datapathId);
        }
    }

    private void Reindex()
    {
        _byVip = _services.Values.ToDictionary(s => s.Vip);
        _byId = _services.Values.ToDictionary(s => s.Id);
        _membersByMac = _services.Values.SelectMany(s => s.Members).GroupBy(m => m.Mac).ToDictionary(g => g.Key, g => g.ToList());
    }
}
