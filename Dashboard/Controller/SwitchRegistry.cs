using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// Every switch the controller has seen, what its flow table really holds (from flow-stats polls) and the ledger
/// of flows the controller installed, so the UI can show intended-but-missing and present-but-unintended flows.
/// Fed by the connection layer; read by the UI and API. Thread-safe.
/// </summary>
public sealed class SwitchRegistry(IOptions<ControllerOptions> options)
{
    private readonly ConcurrentDictionary<ulong, SwitchState> _switches = new();

    /// <summary>Raised (on the connection layer's thread) after a switch's view changed; the argument is its datapath id.</summary>
    public event Action<ulong>? Changed;

    /// <summary>Every switch seen since start, connected or not.</summary>
    public IReadOnlyList<SwitchView> Snapshot() =>
        [.. _switches.Values.Select(s => s.View()).OrderBy(v => v.DatapathId)];

    public SwitchView? Get(ulong datapathId) => _switches.TryGetValue(datapathId, out var state) ? state.View() : null;

    /// <summary>A switch finished its handshake: a new session, whose ledger starts empty (apps re-send their flows).</summary>
    public void OnConnected(ulong datapathId, byte version, string remoteAddress, IReadOnlyList<SwitchPort> ports, DateTimeOffset now)
    {
        var state = _switches.GetOrAdd(datapathId, id => new SwitchState(id, options.Value.FlowLedgerCapacity));
        state.Connect(version, remoteAddress, ports, now);
        Changed?.Invoke(datapathId);
    }

    public void OnDisconnected(ulong datapathId, string reason, DateTimeOffset now)
    {
        if (_switches.TryGetValue(datapathId, out var state))
        {
            state.Disconnect(reason, now);
            Changed?.Invoke(datapathId);
        }
    }

    public void OnPortStatus(PortStatusChanged change)
    {
        if (_switches.TryGetValue(change.DatapathId, out var state))
        {
            state.PortChanged(change);
            Changed?.Invoke(change.DatapathId);
        }
    }

    /// <summary>Notes a flow-mod the controller sent: adds enter the ledger, deletes leave it, modifies change its actions.</summary>
    public void RecordFlowMod(FlowModCommandMessage flowMod, DateTimeOffset now)
    {
        if (_switches.TryGetValue(flowMod.DatapathId, out var state))
        {
            state.Record(flowMod, now);
        }
    }

    public void OnFlowRemoved(FlowRemoved removed)
    {
        if (_switches.TryGetValue(removed.DatapathId, out var state))
        {
            state.Removed(removed);
        }
    }

    /// <summary>A complete flow-stats reply arrived for a request sent at <paramref name="requestSentAt"/>.</summary>
    public void OnFlowStats(ulong datapathId, IReadOnlyList<FlowEntryView> flows, DateTimeOffset requestSentAt, DateTimeOffset now)
    {
        if (_switches.TryGetValue(datapathId, out var state))
        {
            state.Stats(flows, requestSentAt, now);
            Changed?.Invoke(datapathId);
        }
    }

    /// <summary>Does every field <paramref name="filter"/> sets have the same value in <paramref name="match"/>?</summary>
    public static bool Covers(PacketMatch filter, PacketMatch match) =>
        Same(filter.InPort, match.InPort) && Same(filter.EthSrc, match.EthSrc) && Same(filter.EthDst, match.EthDst)
        && Same(filter.EthType, match.EthType) && Same(filter.VlanId, match.VlanId) && Same(filter.IpProto, match.IpProto)
        && Same(filter.Ipv4Src, match.Ipv4Src) && Same(filter.Ipv4Dst, match.Ipv4Dst) && Same(filter.TpSrc, match.TpSrc)
        && Same(filter.TpDst, match.TpDst) && Same(filter.ArpTpa, match.ArpTpa);

    private static bool Same<T>(T? filter, T? value) => filter is null || Equals(filter, value);

    private readonly record struct FlowKey(byte TableId, ushort Priority, PacketMatch Match);

    /// <summary>
    /// One intended flow, held inline in the ledger's table. A learning switch re-sends the same flow on every
    /// packet-in its switch forwards, so the common case is a hit that changes nothing but the time: what
    /// <see cref="Says"/> compares is here, not behind references, and such a hit keeps the entry's older objects,
    /// so the new message dies young instead of being kept alive past the next collection.
    /// </summary>
    private struct LedgerEntry
    {
        public IReadOnlyList<FlowAction> Actions;
        public DateTimeOffset SentAt;
        public ulong Cookie;

        /// <summary>The port and maximum length of a lone output action (a learning switch's flow), or -1.</summary>
        public long LoneOutput;
        public ushort IdleTimeoutSeconds;
        public ushort HardTimeoutSeconds;
        public bool SeenByStats;

        public static LedgerEntry For(FlowModCommandMessage f, DateTimeOffset sentAt) => new()
        {
            Actions = f.Actions, SentAt = sentAt, Cookie = f.Cookie, LoneOutput = LoneOutputOf(f.Actions),
            IdleTimeoutSeconds = f.IdleTimeoutSeconds, HardTimeoutSeconds = f.HardTimeoutSeconds,
        };

        /// <summary>Does <paramref name="f"/> (same key) install what this entry holds? Only answered for a lone output action; otherwise no.</summary>
        public readonly bool Says(FlowModCommandMessage f) =>
            LoneOutput >= 0 && f.Cookie == Cookie && f.IdleTimeoutSeconds == IdleTimeoutSeconds
            && f.HardTimeoutSeconds == HardTimeoutSeconds && LoneOutputOf(f.Actions) == LoneOutput;

        public void SetActions(IReadOnlyList<FlowAction> actions)
        {
            Actions = actions;
            LoneOutput = LoneOutputOf(actions);
        }

        /// <summary>The table, priority and match are the entry's key, so they are not held twice.</summary>
        public readonly IntendedFlow ToIntendedFlow(in FlowKey key) => new()
        {
            TableId = key.TableId, Priority = key.Priority, Match = key.Match, Actions = Actions, Cookie = Cookie,
            IdleTimeoutSeconds = IdleTimeoutSeconds, HardTimeoutSeconds = HardTimeoutSeconds, SentAt = SentAt,
        };

        private static long LoneOutputOf(IReadOnlyList<FlowAction> actions) =>
            actions.Count == 1 && actions[0] is OutputAction output ? output.Port | ((long)output.MaxLength << 32) : -1;
    }

    private sealed class SwitchState(ulong datapathId, int capacity)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<FlowKey, LedgerEntry> _ledger = [];
        private SwitchView _view = new() { DatapathId = datapathId };
        private bool _truncated;

        public SwitchView View()
        {
            lock (_lock)
            {
                return _view with { IntendedCount = _ledger.Count, LedgerTruncated = _truncated };
            }
        }

        public void Connect(byte version, string remote, IReadOnlyList<SwitchPort> ports, DateTimeOffset now)
        {
            lock (_lock)
            {
                _ledger.Clear();
                _truncated = false;
                _view = new SwitchView
                {
                    DatapathId = datapathId, Version = version, RemoteAddress = remote, Connected = true, ConnectedSince = now,
                    Ports = ports,
                };
            }
        }

        public void Disconnect(string reason, DateTimeOffset now)
        {
            lock (_lock)
            {
                _view = _view with { Connected = false, DisconnectedAt = now, DisconnectReason = reason };
            }
        }

        public void PortChanged(PortStatusChanged change)
        {
            lock (_lock)
            {
                var ports = _view.Ports.Where(p => p.Number != change.Port.Number).ToList();
                if (change.Change != PortChange.Deleted)
                {
                    ports.Add(change.Port);
                }

                _view = _view with { Ports = [.. ports.OrderBy(p => p.Number)] };
            }
        }

        public void Record(FlowModCommandMessage f, DateTimeOffset now)
        {
            lock (_lock)
            {
                var key = new FlowKey(f.TableId, f.Priority, f.Match);
                switch (f.Command)
                {
                    case FlowModCommand.Add:
                        // One lookup whether the flow is new or re-sent.
                        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_ledger, key, out var known);
                        if (known && entry.Says(f))
                        {
                            entry.SentAt = now;
                            entry.SeenByStats = false;
                        }
                        else if (known || _ledger.Count <= capacity)
                        {
                            entry = LedgerEntry.For(f, now);
                        }
                        else
                        {
                            _ledger.Remove(key);
                            _truncated = true;
                        }

                        break;
                    case FlowModCommand.DeleteStrict:
                        _ledger.Remove(key);
                        break;
                    case FlowModCommand.Delete:
                        RemoveCovered(f);
                        break;
                    case FlowModCommand.ModifyStrict:
                        ref var modified = ref CollectionsMarshal.GetValueRefOrNullRef(_ledger, key);
                        if (!Unsafe.IsNullRef(ref modified))
                        {
                            modified.SetActions(f.Actions);
                        }

                        break;
                    case FlowModCommand.Modify:
                        ModifyCovered(f);
                        break;
                }
            }
        }

        // The lambdas below capture the flow-mod: kept out of Record so that the common add pays no closure.
        private void RemoveCovered(FlowModCommandMessage f)
        {
            // A delete by cookie (the balancer's evict, member removal, reconnect) comes with an empty match:
            // without the cookie test it would forget every other flow, which the page then calls "not intended".
            foreach (var k in _ledger.Where(kv => (f.TableId == 0xFF || kv.Key.TableId == f.TableId) && Covers(f.Match, kv.Key.Match) && CookieMatches(f, kv.Value))
                                     .Select(kv => kv.Key).ToList())
            {
                _ledger.Remove(k);
            }
        }

        private void ModifyCovered(FlowModCommandMessage f)
        {
            foreach (var key in _ledger.Where(kv => kv.Key.TableId == f.TableId && Covers(f.Match, kv.Key.Match) && CookieMatches(f, kv.Value)).Select(kv => kv.Key).ToList())
            {
                CollectionsMarshal.GetValueRefOrNullRef(_ledger, key).SetActions(f.Actions);
            }
        }

        private static bool CookieMatches(FlowModCommandMessage f, LedgerEntry entry) =>
            (entry.Cookie & f.CookieMask) == (f.Cookie & f.CookieMask);

        public void Removed(FlowRemoved removed)
        {
            lock (_lock)
            {
                _ledger.Remove(new FlowKey(removed.TableId, removed.Priority, removed.Match));
            }
        }

        public void Stats(IReadOnlyList<FlowEntryView> flows, DateTimeOffset requestSentAt, DateTimeOffset now)
        {
            lock (_lock)
            {
                var present = new HashSet<FlowKey>(flows.Count);
                var unintended = new List<FlowEntryView>();
                foreach (var flow in flows)
                {
                    var key = new FlowKey(flow.TableId, flow.Priority, flow.Match);
                    present.Add(key);
                    ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_ledger, key);
                    if (!Unsafe.IsNullRef(ref entry))
                    {
                        entry.SeenByStats = true;
                    }
                    else
                    {
                        unintended.Add(flow);
                    }
                }

                var missing = new List<IntendedFlow>();
                foreach (var (key, entry) in _ledger.ToList())
                {
                    var hardExpired = entry.HardTimeoutSeconds > 0 && now >= entry.SentAt.AddSeconds(entry.HardTimeoutSeconds);
                    var absent = !present.Contains(key);

                    // An idle flow that the switch held once, or that has been idle for its whole timeout, has
                    // expired by itself when it is gone; only a flow that never could have expired is missing.
                    var idleExpired = absent && entry.IdleTimeoutSeconds > 0
                        && (entry.SeenByStats || now >= entry.SentAt.AddSeconds(entry.IdleTimeoutSeconds));
                    if (hardExpired || idleExpired)
                    {
                        _ledger.Remove(key);
                    }
                    else if (absent && entry.SentAt < requestSentAt)
                    {
                        missing.Add(entry.ToIntendedFlow(key));
                    }
                }

                _view = _view with { LastStatsAt = now, Flows = flows, IntendedButMissing = missing, PresentButUnintended = unintended };
            }
        }
    }
}
