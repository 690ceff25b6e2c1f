using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Tests.Components;

public sealed class OverviewTests : BunitContext, IAsyncLifetime
{
    private readonly ClusterFeed _feed;

    public OverviewTests()
    {
        // The shared 2-core machine can be slow; live updates render at most 10 times a second on top of that.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new SdnDashboard.Core.Balancing.BalancerState(new SdnDashboard.Core.Balancing.BalancerSettings(), []));
        var bus = new InProcessTelemetryBus(TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        Services.AddSingleton<ITelemetryBus>(bus);
        _feed = new ClusterFeed(bus, TimeProvider.System, NullLogger<ClusterFeed>.Instance);
        Services.AddSingleton(_feed);
        Services.AddSingleton(new TrafficFeed(bus, TimeProvider.System));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void BeforeAnyReport_SaysItIsWaiting()
    {
        var cut = Render<Overview>();

        Assert.NotNull(cut.Find("[data-testid=overview-waiting]"));
        Assert.Equal("0", cut.Find("[data-testid=stat-nodes]").TextContent);
    }

    [Fact]
    public void PushedPolls_UpdateTheCardsWithoutReload()
    {
        var cut = Render<Overview>();

        _feed.Apply(Poll("compute1", ("a", "running", 1000), ("b", "shutoff", 0)));
        cut.WaitForAssertion(() => Assert.Equal("1 / 2", cut.Find("[data-testid=stat-vms]").TextContent));

        _feed.Apply(Poll("compute2", ("c", "running", 2_000_000)));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", cut.Find("[data-testid=stat-nodes]").TextContent);
            Assert.Equal("2 / 3", cut.Find("[data-testid=stat-vms]").TextContent);
            Assert.Equal("2 MB/s", cut.Find("[data-testid=stat-rx]").TextContent);
        });
        Assert.Empty(cut.FindAll("[data-testid=overview-waiting]"));
    }

    [Fact]
    public void ANewPollFromAHost_ReplacesThatHostsVms_AndKeepsTheOthers()
    {
        _feed.Apply(Poll("compute1", ("a", "running", 0), ("b", "running", 0)));
        _feed.Apply(Poll("compute2", ("c", "running", 0)));
        _feed.Apply(Poll("compute1", ("a", "running", 0)));

        Assert.Equal(["a", "c"], _feed.Current.Vms.Keys.Order().ToArray());
        Assert.Equal(3, _feed.Current.Traffic.Count);
    }

    private static HostPoll Poll(string host, params (string Name, string State, double Rx)[] vms) => new()
    {
        Host = new HostSample { Host = host, Uri = "test:///x", At = DateTimeOffset.UtcNow },
        Vms = vms.Select(v => new VmSample
        {
            Host = host, Uuid = v.Name, Name = v.Name, State = v.State, NetRxBytesPerSec = v.Rx, At = DateTimeOffset.UtcNow,
        }).ToList(),
        At = DateTimeOffset.UtcNow,
    };
}
