using System.Globalization;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>The host reader against libvirt's real test driver, cross-checked with virsh on the same URI.</summary>
public class LibvirtReaderVirshTests
{
    [Theory]
    [InlineData("compute1.xml", 3)]
    [InlineData("compute2.xml", 3)]
    [InlineData("nova.xml", 3)]
    public void Read_NodeFile_MatchesVirshForEveryDomain(string file, int expectedDomains)
    {
        var uri = LibvirtTestData.UriOf(file);
        var virshBefore = ReadVirsh(uri);
        var reading = ReadOnce(uri);
        var virshAfter = ReadVirsh(uri);
        var blockInfo = Virsh.Batch(uri, [.. reading.Vms.Where(v => v.State != "shutoff").SelectMany(v => v.Disks.Select(d => $"domblkinfo {v.Name} {d.Target}"))]);

        Assert.Equal(expectedDomains, reading.Vms.Count);
        Assert.Equal(0, reading.DeviceErrors);
        Assert.Equal(virshBefore.Keys.Order(), reading.Vms.Select(v => v.Name).Order());
        foreach (var vm in reading.Vms)
        {
            var before = virshBefore[vm.Name];
            var after = virshAfter[vm.Name];
            Assert.Equal(before.Info["UUID"], vm.Uuid);
            Assert.Equal(before.Info["State"].Replace("shut off", "shutoff", StringComparison.Ordinal), vm.State);
            Assert.Equal(int.Parse(before.Info["CPU(s)"], CultureInfo.InvariantCulture), vm.Vcpus);
            Assert.Equal(before.Info["Max memory"], $"{vm.MaxMemoryKiB} KiB");
            Assert.Equal(before.Info["Used memory"], $"{vm.MemoryKiB} KiB");
            // The test driver's CPU time is the wall clock: ours lies between the two virsh reads (0.1 s resolution).
            Assert.InRange(vm.CpuTimeNs / 1e9, Seconds(before.Info["CPU time"]) - 0.1, Seconds(after.Info["CPU time"]) + 0.1);

            Assert.Equal(before.Interfaces.Select(i => (i.Target, i.Mac)), vm.Interfaces.Select(i => (i.Target, i.Mac)));
            foreach (var nic in vm.Interfaces)
            {
                var listed = before.Interfaces.Single(i => i.Target == nic.Target);
                Assert.Equal(listed.Bridge, nic.Bridge);
                if (vm.State == "shutoff")
                {
                    Assert.Equal(0, nic.RxBytes);
                    continue;
                }

                var lo = before.InterfaceStats[nic.Target];
                var hi = after.InterfaceStats[nic.Target];
                Assert.InRange(nic.RxBytes, lo["rx_bytes"], hi["rx_bytes"]);
                Assert.InRange(nic.TxBytes, lo["tx_bytes"], hi["tx_bytes"]);
                Assert.InRange(nic.RxPackets, lo["rx_packets"], hi["rx_packets"]);
                Assert.InRange(nic.TxPackets, lo["tx_packets"], hi["tx_packets"]);
                Assert.InRange(nic.RxErrors, lo["rx_errs"], hi["rx_errs"]);
                Assert.InRange(nic.TxDrops, lo["tx_drop"], hi["tx_drop"]);
            }

            Assert.Equal(before.Disks.Order(), vm.Disks.Select(d => d.Target).Order());
            foreach (var disk in vm.Disks.Where(_ => vm.State != "shutoff"))
            {
                var lo = before.BlockStats[disk.Target];
                var hi = after.BlockStats[disk.Target];
                Assert.InRange(disk.ReadBytes, lo["rd_bytes"], hi["rd_bytes"]);
                Assert.InRange(disk.WriteBytes, lo["wr_bytes"], hi["wr_bytes"]);
                Assert.InRange(disk.ReadRequests, lo["rd_req"], hi["rd_req"]);
                Assert.InRange(disk.WriteRequests, lo["wr_req"], hi["wr_req"]);
                var info = Virsh.Fields(blockInfo[$"domblkinfo {vm.Name} {disk.Target}"]);
                Assert.Equal(long.Parse(info["Capacity"], CultureInfo.InvariantCulture), disk.CapacityBytes);
                Assert.Equal(long.Parse(info["Allocation"], CultureInfo.InvariantCulture), disk.AllocationBytes);
            }
        }
    }

    [Fact]
    public void Read_Host_MatchesVirshNodeinfo()
    {
        var uri = LibvirtTestData.UriOf("compute2.xml");
        var node = Virsh.Fields(Virsh.Run(uri, "nodeinfo"));
        var host = ReadOnce(uri).Host;

        Assert.Equal(node["CPU model"], host.CpuModel);
        Assert.Equal(node["CPU(s)"], host.Cpus.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(node["CPU frequency"], $"{host.Mhz} MHz");
        Assert.Equal(node["Memory size"], $"{host.MemoryKiB} KiB");
        Assert.Equal("compute2", host.Host);
        Assert.Equal(uri, host.Uri);
        Assert.Equal(3, host.VmsTotal);
        Assert.Equal(1, host.VmsRunning);
        Assert.Equal(2, host.VcpusUsed);
    }

    [Fact]
    public void Read_NovaFile_GivesOpenStackNamesAndTenants()
    {
        var vms = ReadOnce(LibvirtTestData.UriOf("nova.xml")).Vms.ToDictionary(v => v.Name);

        Assert.Equal(
            new NovaInstanceInfo
            {
                InstanceName = "web-1", Flavor = "m1.small", ProjectName = "demo", ProjectId = "5f0a9a3c0b8e4a37a8f1c2d3e4f5a6b7",
                UserName = "admin", UserId = "9c1d2e3f4a5b4c6d8e7f0a1b2c3d4e5f",
            },
            vms["instance-00000001"].Nova);
        Assert.Equal(new NovaInstanceInfo { InstanceName = "legacy-db", Flavor = "m1.large" }, vms["instance-00000002"].Nova);
        Assert.Null(vms["plain-vm"].Nova);
    }

    [Fact]
    public void Read_DomainOnLibvirtNetwork_TakesBridgeFromTheNetwork()
    {
        var uri = LibvirtTestData.UriOf("compute2.xml");
        var bridge = Virsh.Fields(Virsh.Run(uri, "net-info", "provider"))["Bridge"];
        var nic = ReadOnce(uri).Vms.Single(v => v.Name == "vm2-1").Interfaces.Single();

        Assert.Equal("br-prov", bridge);
        Assert.Equal(bridge, nic.Bridge);
    }

    [Fact]
    public void Read_ThousandDomains_MatchesVirshListAndSampledDominfo()
    {
        var uri = ScaleNodeFile.ThousandDomainsUri;
        var names = Lines(Virsh.Run(uri, "list", "--all", "--name"));
        var uuids = Lines(Virsh.Run(uri, "list", "--all", "--uuid"));
        var reading = ReadOnce(uri);

        Assert.Equal(1000, reading.Vms.Count);
        Assert.Equal(0, reading.DeviceErrors);
        Assert.Equal(names.Order(), reading.Vms.Select(v => v.Name).Order());
        Assert.Equal(uuids.Order(), reading.Vms.Select(v => v.Uuid).Order());
        Assert.All(reading.Vms, v =>
        {
            Assert.Equal("running", v.State);
            Assert.Single(v.Interfaces);
            Assert.Single(v.Disks);
            Assert.NotNull(v.Nova);
            Assert.True(v.Interfaces[0].RxBytes > 0);
        });
        var byName = reading.Vms.ToDictionary(v => v.Name);
        var sampled = names.Where((_, i) => i % 50 == 7).ToList();
        var described = Virsh.Batch(uri, [.. sampled.SelectMany(n => new[] { $"dominfo {n}", $"domiflist {n}" })]);
        foreach (var name in sampled)
        {
            var info = Virsh.Fields(described[$"dominfo {name}"]);
            Assert.Equal(info["UUID"], byName[name].Uuid);
            Assert.Equal(info["CPU(s)"], byName[name].Vcpus.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(info["Max memory"], $"{byName[name].MaxMemoryKiB} KiB");
            var mac = Lines(described[$"domiflist {name}"]).Skip(2).Single().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.Equal(mac, byName[name].Interfaces[0].Mac);
        }
    }

    [Fact]
    public void OpenReadOnly_MissingNodeFile_ThrowsWithLibvirtCodeAndMessage()
    {
        var ex = Assert.Throws<LibvirtException>(() => LibvirtConnection.OpenReadOnly("test:///nonexistent/sdn-node.xml"));

        Assert.Equal("virConnectOpenReadOnly", ex.Operation);
        Assert.Equal("test:///nonexistent/sdn-node.xml", ex.Uri);
        Assert.NotEqual(0, ex.Code);
        Assert.Contains("/nonexistent/sdn-node.xml", ex.LibvirtMessage, StringComparison.Ordinal);
    }

    internal static LibvirtReading ReadOnce(string uri)
    {
        using var connection = LibvirtConnection.OpenReadOnly(uri);
        return new LibvirtHostReader(connection, LibvirtUris.HostNameOf(uri, null, connection)).Read(DateTimeOffset.UtcNow);
    }

    private static Dictionary<string, VirshDomain> ReadVirsh(string uri)
    {
        var names = Lines(Virsh.Run(uri, "list", "--all", "--name"));
        var described = Virsh.Batch(uri, [.. names.SelectMany(n => new[] { $"dominfo {n}", $"domiflist {n}", $"domblklist {n}" }), "net-list --all --name"]);
        var bridges = Lines(described["net-list --all --name"]).ToDictionary(n => n, n => NetworkBridge(uri, n));
        var domains = names.ToDictionary(name => name, name =>
        {
            var interfaces = Lines(described[$"domiflist {name}"]).Skip(2)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(p => (Target: p[0], Mac: p[4], Bridge: p[1] == "network" ? bridges[p[2]] : p[2]))
                .ToList();
            var disks = Lines(described[$"domblklist {name}"]).Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToList();
            return (Info: Virsh.Fields(described[$"dominfo {name}"]), Interfaces: interfaces, Disks: disks);
        });
        var statsCommands = domains.Where(d => d.Value.Info["State"] != "shut off")
            .SelectMany(d => d.Value.Interfaces.Select(i => $"domifstat {d.Key} {i.Target}")
                .Concat(d.Value.Disks.Select(disk => $"domblkstat {d.Key} {disk}")))
            .ToList();
        var stats = Virsh.Batch(uri, statsCommands);
        return domains.ToDictionary(d => d.Key, d => new VirshDomain(
            d.Value.Info,
            d.Value.Interfaces,
            d.Value.Disks,
            stats.Where(s => s.Key.StartsWith($"domifstat {d.Key} ", StringComparison.Ordinal))
                .ToDictionary(s => s.Key.Split(' ')[2], s => Virsh.Counters(s.Value)),
            stats.Where(s => s.Key.StartsWith($"domblkstat {d.Key} ", StringComparison.Ordinal))
                .ToDictionary(s => s.Key.Split(' ')[2], s => Virsh.Counters(s.Value))));
    }

    private static string NetworkBridge(string uri, string network) => Virsh.Fields(Virsh.Run(uri, "net-info", network))["Bridge"];

    private static double Seconds(string text) => double.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture);

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private sealed record VirshDomain(
        Dictionary<string, string> Info,
        List<(string Target, string Mac, string Bridge)> Interfaces,
        List<string> Disks,
        Dictionary<string, Dictionary<string, long>> InterfaceStats,
        Dictionary<string, Dictionary<string, long>> BlockStats);
}
