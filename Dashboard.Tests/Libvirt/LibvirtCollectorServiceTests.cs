using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>The hosted collector polling libvirt's test driver and publishing on the in-process bus.</summary>
public class LibvirtCollectorServiceTests
{
    [Fact]
    public async Task Testbed_BothComputeNodesPolled_WithNovaNamesMacsAndRates()
    {
        var uris = LibvirtTestbed.Uris(AppContext.BaseDirectory);
        Assert.Equal(2, uris.Count);
        Assert.All(uris, u => Assert.StartsWith("test:///", u, StringComparison.Ordinal));

        await using var harness = await CollectorHarness.StartAsync(CollectorHarness.FastOptions([.. uris]));
        await CollectorHarness.EventuallyAsync(
            () => harness.PollsOf("compute1") >= 2 && harness.PollsOf("compute2") >= 2, "two polls of each compute node");

        foreach (var n in new[] { 1, 2 })
        {
            var second = harness.Polls.Where(p => p.Host.Host == $"compute{n}").Skip(1).First();
            Assert.Equal(3, second.Vms.Count);
            Assert.Equal(3, second.Host.VmsRunning);
            Assert.True(second.PollMilliseconds > 0);
            Assert.Equal(
                Enumerable.Range(1, 3).Select(m => $"52:54:00:00:0{n}:0{m}"),
                second.Vms.Select(v => Assert.Single(v.Interfaces).Mac).Order());
            Assert.All(second.Vms, vm =>
            {
                Assert.Equal("demo", vm.Nova?.ProjectName);
                Assert.NotNull(vm.Nova?.InstanceName);
                Assert.Single(vm.Disks);
                Assert.InRange(vm.RateSeconds, 0.05, 5.0);
                Assert.True(vm.CpuPercent > 0, "the test driver's CPU time grows with the clock");
                Assert.True(vm.NetRxBytesPerSec > 0 && vm.DiskIops > 0);
            });
        }

        var vms = await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm);
        Assert.Equal(6, vms.Count);
        Assert.Contains("web-1", vms.Values.Select(v => v.Nova?.InstanceName));
        var hosts = await harness.Bus.GetAllLatestAsync(BusTopics.LatestHost);
        Assert.Equal(["compute1", "compute2"], hosts.Keys.Order());
        Assert.Equal(uris.Order(), harness.Statuses.Where(s => s.Up && s.Kind == "libvirt").Select(s => s.Source).Order());
    }

    [Fact]
    public async Task VmDeleted_RemovedFromLatestStateAtOnceNotAfterTtl()
    {
        using var node = LibvirtTestData.Copy("compute1.xml");
        var options = CollectorHarness.FastOptions(node.Uri);
        options.TtlPolls = 100;
        await using var harness = await CollectorHarness.StartAsync(options);
        await CollectorHarness.EventuallyAsync(async () => (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Count == 3, "3 VMs");
        var gone = (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Single(v => v.Value.Name == "vm1-2").Key;

        node.RemoveDomain("vm1-2");

        // TTL is 20 s: a removal within 5 s is the explicit one.
        await CollectorHarness.EventuallyAsync(
            async () => await harness.Bus.GetLatestAsync(BusTopics.LatestVm, gone) is null, "vm1-2 removed from latest state", 5);
        Assert.Equal(2, (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Count);
        await CollectorHarness.EventuallyAsync(() => harness.Polls.Last().Vms.Count == 2, "a batch without vm1-2");
        Assert.DoesNotContain(harness.Statuses, s => !s.Up);
        Assert.All(harness.Polls.Last().Vms, v => Assert.True(v.RateSeconds > 0, "surviving VMs keep their rates across the reopen"));
    }

    [Fact]
    public async Task VmStarted_AppearsWithoutRateSpikeAndOthersKeepTheirRates()
    {
        using var node = LibvirtTestData.Copy("compute1.xml");
        await using var harness = await CollectorHarness.StartAsync(CollectorHarness.FastOptions(node.Uri));
        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute1") >= 2, "two polls before the new VM");

        node.AddDomain(LibvirtTestData.PathOf("nova.xml"), "plain-vm");

        await CollectorHarness.EventuallyAsync(
            () => harness.Polls.Count(p => p.Vms.Any(v => v.Name == "plain-vm")) >= 2, "two polls with the new VM");
        var polls = harness.Polls.ToList();
        var firstWith = polls.FindIndex(p => p.Vms.Any(v => v.Name == "plain-vm"));
        var appeared = polls[firstWith].Vms.Single(v => v.Name == "plain-vm");
        Assert.Equal((0.0, 0.0, 0.0), (appeared.RateSeconds, appeared.CpuPercent, appeared.NetRxBytesPerSec));
        var next = polls[firstWith + 1].Vms.Single(v => v.Name == "plain-vm");
        Assert.True(next.RateSeconds > 0 && next.CpuPercent is > 0 and <= 100 && next.NetRxBytesPerSec > 0);
        // No gap for the others: every batch has them, with rates, across the reopen.
        Assert.All(polls.Skip(1), p => Assert.Equal(3, p.Vms.Count(v => v.Name.StartsWith("vm1-", StringComparison.Ordinal) && v.RateSeconds > 0)));
        Assert.Equal(4, (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Count);
    }

    [Fact]
    public async Task ConfiguredHostName_IsPublishedInsteadOfTheFileName()
    {
        var uri = LibvirtTestData.UriOf("nova.xml");
        var options = CollectorHarness.FastOptions(uri);
        options.HostNames = [new LibvirtHostName { Uri = uri, Name = "compute-east-7" }];
        await using var harness = await CollectorHarness.StartAsync(options);

        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute-east-7") >= 1, "a poll under the configured name");
        Assert.All(harness.Polls.First().Vms, v => Assert.Equal("compute-east-7", v.Host));
        Assert.NotNull(await harness.Bus.GetLatestAsync(BusTopics.LatestHost, "compute-east-7"));
    }

    [Fact]
    public async Task AddLibvirtCollector_NoUris_RegistersNoPoller()
    {
        await using var provider = Services([]).BuildServiceProvider();
        Assert.DoesNotContain(provider.GetServices<IHostedService>(), s => s is LibvirtCollectorService);
    }

    [Fact]
    public async Task AddLibvirtCollector_WithUris_RegistersPollerAndBindsSection()
    {
        await using var provider = Services(new() { ["Libvirt:Uris:0"] = "qemu:///system", ["Libvirt:PollIntervalSeconds"] = "5" })
            .BuildServiceProvider();

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is LibvirtCollectorService);
        var options = provider.GetRequiredService<IOptions<LibvirtOptions>>().Value;
        Assert.Equal(["qemu:///system"], options.Uris);
        Assert.Equal(5, options.PollIntervalSeconds);
    }

    [Fact]
    public async Task AddLibvirtCollector_BadSetting_FailsNamingTheKey()
    {
        await using var provider = Services(new() { ["Libvirt:Uris:0"] = "qemu:///system", ["Libvirt:TtlPolls"] = "1" }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LibvirtOptions>>().Value);
        Assert.Contains("Libvirt:TtlPolls is 1", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        Collectors.Bus.BusServiceCollectionExtensions.AddTelemetryBus(services, configuration);
        services.AddLibvirtCollector(configuration);
        return services;
    }
}
