using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using SdnDashboard.Collectors.Libvirt.Native;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Collectors.Libvirt;

/// <summary>
/// Reads a host and all its domains through one connection: the bulk <c>virConnectGetAllDomainStats</c>
/// first, then per-domain calls for every stats group the driver left out (libvirt's test driver returns
/// only <c>state</c>; qemu returns everything). Device identities and Nova metadata come from each
/// domain's XML, cached per domain and re-read when the domain restarts, when its device list changes,
/// or every <c>xmlRefreshPolls</c> polls. Not thread-safe; one reader per connection and poller thread.
/// </summary>
public sealed unsafe class LibvirtHostReader
{
    /// <summary>state | cpu-total | balloon | vcpu | interface | block.</summary>
    private const uint AllGroups = 1 | 2 | 4 | 8 | 16 | 32;
    private const int UuidBufferLength = 37;

    private static readonly string[] StateNames =
        ["nostate", "running", "blocked", "paused", "shutdown", "shutoff", "crashed", "pmsuspended"];

    private readonly LibvirtConnection _connection;
    private readonly string _hostName;
    private readonly int _xmlRefreshPolls;
    private readonly Dictionary<string, XmlCacheEntry> _xmlCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _networkBridges = new(StringComparer.Ordinal);
    private long _poll;

    /// <param name="connection">An open connection the caller keeps owning.</param>
    /// <param name="hostName">The name this host is published under.</param>
    /// <param name="xmlRefreshPolls">Re-read a domain's XML at least this often, in polls.</param>
    public LibvirtHostReader(LibvirtConnection connection, string hostName, int xmlRefreshPolls = 30)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(xmlRefreshPolls, 1);
        _connection = connection;
        _hostName = hostName;
        _xmlRefreshPolls = xmlRefreshPolls;
    }

    /// <summary>Reads the host and every domain once.</summary>
    /// <param name="at">The time stamped on every sample of this poll.</param>
    /// <exception cref="LibvirtException">A host-level call failed (the connection is likely gone).</exception>
    public LibvirtReading Read(DateTimeOffset at)
    {
        _poll++;
        if (_poll % _xmlRefreshPolls == 0)
        {
            _networkBridges.Clear();
        }

        var node = _connection.GetNodeInfo();
        var freeBytes = _connection.GetFreeMemoryBytes();
        var domains = ReadBulk();
        var vms = new List<VmSample>(domains.Count);
        var unread = new List<string>();
        var errors = 0;
        string? lastError = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var (domain, counters) in domains)
            {
                var uuid = UuidOf(domain);
                seen.Add(uuid);
                try
                {
                    vms.Add(ReadDomain(domain, uuid, counters, at, ref errors, ref lastError));
                }
                catch (LibvirtException ex)
                {
                    // The domain stopped or went away between the listing and this call, or the connection
                    // broke: it is not in this poll, but not reported gone either; the next poll tells.
                    errors++;
                    lastError = ex.Message;
                    unread.Add(uuid);
                }
            }
        }
        finally
        {
            foreach (var (domain, _) in domains)
            {
                domain.Dispose();
            }
        }

        if (unread.Count > 0 && !_connection.IsAlive())
        {
            throw new LibvirtException("virConnectIsAlive", _connection.Uri, 0, 0, $"connection lost mid-poll: {lastError}");
        }

        foreach (var uuid in _xmlCache.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _xmlCache.Remove(uuid);
        }

        var running = vms.Where(v => v.State == "running").ToList();
        var host = new HostSample
        {
            Host = _hostName,
            Uri = _connection.Uri,
            CpuModel = node.CpuModel,
            Cpus = node.Cpus,
            Mhz = node.Mhz,
            MemoryKiB = node.MemoryKiB,
            FreeMemoryKiB = freeBytes / 1024,
            VmsRunning = running.Count,
            VmsTotal = vms.Count,
            VcpusUsed = running.Sum(v => v.Vcpus),
            At = at,
        };
        return new LibvirtReading(host, vms, unread, errors, lastError);
    }

    private List<(LibvirtDomainHandle Domain, DomainCounters Counters)> ReadBulk()
    {
        VirDomainStatsRecord** records = null;
        var count = LibvirtNative.ConnectGetAllDomainStats(_connection.Handle, AllGroups, &records, 0);
        if (count < 0)
        {
            throw LibvirtErrors.Last("virConnectGetAllDomainStats", _connection.Uri);
        }

        var result = new List<(LibvirtDomainHandle, DomainCounters)>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var record = records[i];
                // The record list owns its domains; an extra reference lets the handle outlive the list.
                LibvirtNative.DomainRef(record->Domain);
                var counters = new DomainCounters();
                result.Add((new LibvirtDomainHandle(record->Domain), counters));
                for (var p = 0; p < record->NParams; p++)
                {
                    ApplyParameter(counters, &record->Params[p]);
                }
            }
        }
        finally
        {
            LibvirtNative.DomainStatsRecordListFree(records);
        }

        return result;
    }

    private static void ApplyParameter(DomainCounters counters, VirTypedParameter* parameter)
    {
        var field = new ReadOnlySpan<byte>(parameter->Field, VirTypedParameter.FieldLength);
        var nul = field.IndexOf((byte)0);
        if (nul >= 0)
        {
            field = field[..nul];
        }

        switch (parameter->Type)
        {
            case VirTypedParameter.TypeInt:
                DomainStatsFields.Apply(counters, field, parameter->Int);
                break;
            case VirTypedParameter.TypeUInt:
                DomainStatsFields.Apply(counters, field, parameter->UInt);
                break;
            case VirTypedParameter.TypeLLong:
                DomainStatsFields.Apply(counters, field, parameter->LLong);
                break;
            case VirTypedParameter.TypeULLong:
                DomainStatsFields.Apply(counters, field, unchecked((long)parameter->ULLong));
                break;
            case VirTypedParameter.TypeDouble:
                DomainStatsFields.Apply(counters, field, (long)parameter->Double);
                break;
            case VirTypedParameter.TypeString when parameter->String != 0:
                DomainStatsFields.Apply(counters, field, Marshal.PtrToStringUTF8(parameter->String) ?? "");
                break;
        }
    }

    /// <summary>The UUID is held in the domain object itself: reading it makes no call to the daemon.</summary>
    private string UuidOf(LibvirtDomainHandle domain)
    {
        var uuidBuffer = stackalloc byte[UuidBufferLength];
        if (LibvirtNative.DomainGetUuidString(domain, uuidBuffer) < 0)
        {
            throw LibvirtErrors.Last("virDomainGetUUIDString", _connection.Uri);
        }

        return Encoding.ASCII.GetString(uuidBuffer, UuidBufferLength - 1);
    }

    private VmSample ReadDomain(
        LibvirtDomainHandle domain, string uuid, DomainCounters counters, DateTimeOffset at, ref int errors, ref string? lastError)
    {
        var name = Marshal.PtrToStringUTF8(LibvirtNative.DomainGetName(domain)) ?? uuid;
        if (!counters.HasState)
        {
            int state, reason;
            if (LibvirtNative.DomainGetState(domain, &state, &reason, 0) < 0)
            {
                throw LibvirtErrors.Last("virDomainGetState", _connection.Uri);
            }

            counters.HasState = true;
            counters.State = state;
            counters.StateReason = reason;
        }

        // A bulk balloon group already carries the guest's memory stats when the guest reports any.
        var balloonFromBulk = counters.HasBalloon;
        if (!counters.HasCpu || !counters.HasVcpu || !counters.HasBalloon)
        {
            FillFromInfo(domain, counters);
        }

        var active = counters.State is 1 or 2 or 3 or 4 or 7;
        var xml = XmlOf(domain, uuid, counters);
        if (active && !balloonFromBulk)
        {
            FillMemoryStats(domain, counters);
        }

        var interfaces = counters.HasInterfaces
            ? FromBulk(counters.Interfaces, xml)
            : active ? ReadInterfaces(domain, xml, ref errors, ref lastError) : IdleInterfaces(xml);
        var disks = counters.HasBlocks
            ? FromBulk(counters.Blocks, xml)
            : active ? ReadDisks(domain, xml, ref errors, ref lastError) : IdleDisks(xml);

        return new VmSample
        {
            Host = _hostName,
            Uuid = uuid,
            Name = name,
            State = counters.State >= 0 && counters.State < StateNames.Length ? StateNames[counters.State] : "unknown",
            StateReason = counters.StateReason,
            Vcpus = counters.Vcpus,
            CpuTimeNs = counters.CpuTimeNs,
            MaxMemoryKiB = counters.MaxMemoryKiB,
            MemoryKiB = counters.CurrentMemoryKiB,
            MemoryUsedKiB = counters.MemoryUsedKiB,
            Interfaces = interfaces,
            Disks = disks,
            Nova = xml.Nova,
            At = at,
        };
    }

    private void FillFromInfo(LibvirtDomainHandle domain, DomainCounters counters)
    {
        VirDomainInfo info;
        if (LibvirtNative.DomainGetInfo(domain, &info) < 0)
        {
            throw LibvirtErrors.Last("virDomainGetInfo", _connection.Uri);
        }

        if (!counters.HasCpu)
        {
            counters.HasCpu = true;
            counters.CpuTimeNs = unchecked((long)info.CpuTime);
        }

        if (!counters.HasVcpu)
        {
            counters.HasVcpu = true;
            counters.Vcpus = info.NrVirtCpu;
        }

        if (!counters.HasBalloon)
        {
            counters.HasBalloon = true;
            counters.CurrentMemoryKiB = (long)info.Memory;
            counters.MaxMemoryKiB = (long)info.MaxMem;
        }
    }

    private static void FillMemoryStats(LibvirtDomainHandle domain, DomainCounters counters)
    {
        var stats = stackalloc VirMemoryStat[VirMemoryStat.Count];
        var count = LibvirtNative.DomainMemoryStats(domain, stats, VirMemoryStat.Count, 0);
        for (var i = 0; i < count; i++)
        {
            switch (stats[i].Tag)
            {
                case VirMemoryStat.TagAvailable:
                    counters.AvailableKiB = (long)stats[i].Value;
                    break;
                case VirMemoryStat.TagUnused:
                    counters.UnusedKiB = (long)stats[i].Value;
                    break;
            }
        }

        if (count < 0)
        {
            // Balloon stats are optional (no balloon driver in the guest): not an error worth a log line.
            LibvirtNative.ResetLastError();
        }
    }

    private DomainXmlInfo XmlOf(LibvirtDomainHandle domain, string uuid, DomainCounters counters)
    {
        var id = LibvirtNative.DomainGetId(domain);
        if (_xmlCache.TryGetValue(uuid, out var cached)
            && cached.Id == id
            && _poll - cached.Poll < _xmlRefreshPolls
            && DevicesMatch(cached.Info, counters))
        {
            return cached.Info;
        }

        var text = LibvirtErrors.TakeString(LibvirtNative.DomainGetXmlDesc(domain, LibvirtNative.DomainXmlDefault))
            ?? throw LibvirtErrors.Last("virDomainGetXMLDesc", _connection.Uri);
        DomainXmlInfo info;
        try
        {
            info = DomainXmlParser.Parse(text);
        }
        catch (XmlException ex)
        {
            throw new LibvirtException("virDomainGetXMLDesc", _connection.Uri, 0, 0, $"domain {uuid} XML unreadable: {ex.Message}");
        }

        info = info with { Interfaces = info.Interfaces.Select(ResolveBridge).ToList() };
        // Domains first read in the same poll are due again in different polls, so a host with many
        // domains spreads its XML re-reads instead of paying for all of them in one slow poll.
        var stagger = _xmlCache.TryGetValue(uuid, out _) ? 0 : (uint)StringComparer.Ordinal.GetHashCode(uuid) % (uint)_xmlRefreshPolls;
        _xmlCache[uuid] = new XmlCacheEntry(id, _poll - stagger, info);
        return info;
    }

    /// <summary>The bulk call names devices by target; an unknown name means the XML we hold is out of date.</summary>
    private static bool DevicesMatch(DomainXmlInfo info, DomainCounters counters) =>
        (!counters.HasInterfaces || counters.Interfaces.All(n => info.Interfaces.Any(x => x.Target == n.Name)))
        && (!counters.HasBlocks || counters.Blocks.All(b => info.Disks.Any(d => d.Target == b.Name)));

    /// <summary>An interface on a libvirt network names its bridge only through the network object.</summary>
    private DomainXmlInterface ResolveBridge(DomainXmlInterface nic)
    {
        if (nic.Bridge is not null || nic.Network is null)
        {
            return nic;
        }

        if (!_networkBridges.TryGetValue(nic.Network, out var bridge))
        {
            bridge = LookupBridge(nic.Network);
            _networkBridges[nic.Network] = bridge;
        }

        return nic with { Bridge = bridge };
    }

    private string? LookupBridge(string network)
    {
        var handle = LibvirtNative.NetworkLookupByName(_connection.Handle, network);
        if (handle == 0)
        {
            LibvirtNative.ResetLastError();
            return null;
        }

        try
        {
            var bridge = LibvirtErrors.TakeString(LibvirtNative.NetworkGetBridgeName(handle));
            LibvirtNative.ResetLastError();
            return bridge;
        }
        finally
        {
            LibvirtNative.NetworkFree(handle);
        }
    }

    private static List<VmInterfaceSample> FromBulk(List<DomainCounters.InterfaceCounters> bulk, DomainXmlInfo xml)
    {
        var result = new List<VmInterfaceSample>(bulk.Count);
        foreach (var n in bulk)
        {
            var identity = xml.Interfaces.FirstOrDefault(x => x.Target == n.Name);
            if (identity is null || n.Name is null)
            {
                continue;
            }

            result.Add(ToSample(identity, n.Name, n.RxBytes, n.RxPackets, n.RxErrors, n.RxDrops,
                n.TxBytes, n.TxPackets, n.TxErrors, n.TxDrops));
        }

        return result;
    }

    private static List<VmDiskSample> FromBulk(List<DomainCounters.BlockCounters> bulk, DomainXmlInfo xml) =>
        bulk.Where(b => b.Name is not null && xml.Disks.Any(d => d.Target == b.Name))
            .Select(b => new VmDiskSample
            {
                Target = b.Name!,
                ReadRequests = b.ReadRequests,
                ReadBytes = b.ReadBytes,
                WriteRequests = b.WriteRequests,
                WriteBytes = b.WriteBytes,
                CapacityBytes = b.CapacityBytes,
                AllocationBytes = b.AllocationBytes,
            })
            .ToList();

    private List<VmInterfaceSample> ReadInterfaces(
        LibvirtDomainHandle domain, DomainXmlInfo xml, ref int errors, ref string? lastError)
    {
        var result = new List<VmInterfaceSample>(xml.Interfaces.Count);
        foreach (var nic in xml.Interfaces)
        {
            if (nic.Target is null)
            {
                continue;
            }

            VirInterfaceStats stats;
            if (LibvirtNative.DomainInterfaceStats(domain, nic.Target, &stats, (nuint)sizeof(VirInterfaceStats)) < 0)
            {
                // Leaving the device out, rather than reporting zeros, keeps its rate from jumping next poll.
                errors++;
                lastError = LibvirtErrors.Last("virDomainInterfaceStats", _connection.Uri).Message;
                continue;
            }

            result.Add(ToSample(nic, nic.Target, stats.RxBytes, stats.RxPackets, stats.RxErrors, stats.RxDrops,
                stats.TxBytes, stats.TxPackets, stats.TxErrors, stats.TxDrops));
        }

        return result;
    }

    private List<VmDiskSample> ReadDisks(LibvirtDomainHandle domain, DomainXmlInfo xml, ref int errors, ref string? lastError)
    {
        var result = new List<VmDiskSample>(xml.Disks.Count);
        foreach (var disk in xml.Disks)
        {
            VirBlockStats stats;
            if (LibvirtNative.DomainBlockStats(domain, disk.Target, &stats, (nuint)sizeof(VirBlockStats)) < 0)
            {
                errors++;
                lastError = LibvirtErrors.Last("virDomainBlockStats", _connection.Uri).Message;
                continue;
            }

            var (capacity, allocation) = ReadDiskSize(domain, disk);
            result.Add(new VmDiskSample
            {
                Target = disk.Target,
                ReadRequests = Known(stats.ReadRequests),
                ReadBytes = Known(stats.ReadBytes),
                WriteRequests = Known(stats.WriteRequests),
                WriteBytes = Known(stats.WriteBytes),
                CapacityBytes = capacity,
                AllocationBytes = allocation,
            });
        }

        return result;
    }

    /// <summary>The domain's view first; the storage pool's volume when the domain cannot say.</summary>
    private (long Capacity, long Allocation) ReadDiskSize(LibvirtDomainHandle domain, DomainXmlDisk disk)
    {
        VirBlockInfo info;
        if (LibvirtNative.DomainGetBlockInfo(domain, disk.Target, &info, 0) >= 0)
        {
            return ((long)info.Capacity, (long)info.Allocation);
        }

        LibvirtNative.ResetLastError();
        if (disk.SourcePath is null)
        {
            return (0, 0);
        }

        var volume = LibvirtNative.StorageVolLookupByPath(_connection.Handle, disk.SourcePath);
        if (volume == 0)
        {
            LibvirtNative.ResetLastError();
            return (0, 0);
        }

        try
        {
            VirStorageVolInfo volumeInfo;
            if (LibvirtNative.StorageVolGetInfo(volume, &volumeInfo) < 0)
            {
                LibvirtNative.ResetLastError();
                return (0, 0);
            }

            return ((long)volumeInfo.Capacity, (long)volumeInfo.Allocation);
        }
        finally
        {
            LibvirtNative.StorageVolFree(volume);
        }
    }

    /// <summary>A stopped domain has no counters; it still shows which vNICs and disks it owns.</summary>
    private static List<VmInterfaceSample> IdleInterfaces(DomainXmlInfo xml) =>
        xml.Interfaces.Select(n => ToSample(n, n.Target ?? "", 0, 0, 0, 0, 0, 0, 0, 0)).ToList();

    private static List<VmDiskSample> IdleDisks(DomainXmlInfo xml) =>
        xml.Disks.Select(d => new VmDiskSample { Target = d.Target }).ToList();

    private static VmInterfaceSample ToSample(
        DomainXmlInterface nic, string target, long rxBytes, long rxPackets, long rxErrors, long rxDrops,
        long txBytes, long txPackets, long txErrors, long txDrops) => new()
    {
        Target = target,
        Mac = nic.Mac,
        Bridge = nic.Bridge,
        RxBytes = Known(rxBytes),
        RxPackets = Known(rxPackets),
        RxErrors = Known(rxErrors),
        RxDrops = Known(rxDrops),
        TxBytes = Known(txBytes),
        TxPackets = Known(txPackets),
        TxErrors = Known(txErrors),
        TxDrops = Known(txDrops),
    };

    /// <summary>libvirt marks a counter the driver does not keep with -1.</summary>
    private static long Known(long value) => value < 0 ? 0 : value;

    private sealed record XmlCacheEntry(uint Id, long Poll, DomainXmlInfo Info);
}
