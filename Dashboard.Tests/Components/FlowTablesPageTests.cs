using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Tests.Balancing;

namespace SdnDashboard.Tests.Components;

public sealed class FlowTablesPageTests : BunitContext, IAsyncLifetime
{
    private readonly SwitchRegistry _registry = new(Options.Create(new ControllerOptions()));
    private readonly BalancerTestbed _balancer = new();
    private readonly ShiftedClock _clock = new();

    public FlowTablesPageTests()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(Options.Create(new ControllerOptions()));
        Services.AddSingleton(_registry);
        Services.AddSingleton(_balancer.State);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void WithoutSwitches_SaysHowToConnectOne()
    {
        var cut = Render<FlowTablesPage>();

        Assert.Contains("set-controller", cut.Find("[data-testid=flowtables-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksFlowsInSync_MissingOnTheSwitch_AndNotIntended()
    {
        var now = DateTimeOffset.UtcNow;
        _registry.OnConnected(1, 4, "127.0.0.1:50000", [], now);
        var held = Flow(0x0800, "10.0.0.100", 10);
        var lacking = Flow(0x0800, "10.0.0.101", 11);
        _registry.RecordFlowMod(held, now);
        _registry.RecordFlowMod(lacking, now);
        _registry.OnFlowStats(1,
        [
            View(held),
            new FlowEntryView { Priority = 5, Match = new PacketMatch { EthType = 0x0806 }, Actions = [new OutputAction(OfPorts.Flood)], Cookie = 99 },
        ], now.AddMilliseconds(1), now.AddMilliseconds(2));

        var cut = Render<FlowTablesPage>();

        cut.WaitForAssertion(() =>
        {
            var states = cut.FindAll("[data-testid=flow-state]").Select(e => e.TextContent.Trim()).ToArray();
            var matches = cut.FindAll("[data-testid=flow-match]").Select(e => e.TextContent).ToArray();
            Assert.Equal(3, states.Length);
            Assert.Equal("in sync", states[Array.FindIndex(matches, m => m.Contains("nw_dst=10.0.0.100", StringComparison.Ordinal))]);
            Assert.Equal("missing on switch", states[Array.FindIndex(matches, m => m.Contains("nw_dst=10.0.0.101", StringComparison.Ordinal))]);
            Assert.Equal("not intended", states[Array.FindIndex(matches, m => m == "arp")]);
        });
        Assert.Contains("mod_dl_dst:52:54:00:00:01:01,output:3", cut.FindAll("[data-testid=flow-actions]").Select(e => e.TextContent));
        // No component per flow, row or cell: every circuit on the page keeps each component's own render tree.
        Assert.Empty(cut.FindComponents<MudBlazor.MudTd>());
        Assert.Empty(cut.FindComponents<MudBlazor.MudChip<string>>());
    }

    [Fact]
    public async Task AfterAnAlgorithmSwitch_EachBalancerFlowNamesItsServiceMemberDecisionAndAlgorithm_AndTheFilterFindsThem()
    {
        _balancer.RequestAll(_balancer.Clients.Take(3));
        Assert.True(_balancer.State.ReplaceService(_balancer.Definition with { Algorithm = "LeastConnections" }).Succeeded);
        _balancer.RequestAll(_balancer.Clients.Skip(3));
        var now = DateTimeOffset.UtcNow;
        _registry.OnConnected(FakeNetwork.DatapathId, 4, "127.0.0.1:50000", [], now);
        _registry.OnFlowStats(FakeNetwork.DatapathId, [.. _balancer.Network.Table.Flows.Select(f => new FlowEntryView
        {
            Priority = f.Priority, Match = f.Match, Actions = f.Actions, Cookie = f.Cookie, IdleTimeoutSeconds = f.IdleTimeoutSeconds,
        })], now, now);
        var first = _balancer.State.Snapshot(now).Single().Affinities.Single(a => a.ClientMac == BalancerTestbed.ClientMac(1));

        var cut = Render<FlowTablesPage>();

        cut.WaitForAssertion(() =>
        {
            var labels = cut.FindAll("[data-testid=flow-decision]").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains($"web → {first.Member} · decision {FlowCookie.Decision(first.Cookie)} by RoundRobin · forward · client {first.Client}", labels);
            Assert.Contains($"web → {first.Member} · decision {FlowCookie.Decision(first.Cookie)} by RoundRobin · reverse · client {first.Client}", labels);
            Assert.Equal(6, labels.Count(l => l.Contains("by RoundRobin", StringComparison.Ordinal)));
            Assert.Equal(6, labels.Count(l => l.Contains("by LeastConnections", StringComparison.Ordinal)));
            Assert.Contains("learning switch", labels);
        });

        // The page refreshes on a timer: find and type in one dispatch, so a refresh cannot come between them.
        await cut.InvokeAsync(() => cut.Find("input[data-testid=flowtables-filter]").Input("LeastConnections"));

        cut.WaitForAssertion(() =>
        {
            var labels = cut.FindAll("[data-testid=flow-decision]").Select(e => e.TextContent.Trim()).ToList();
            Assert.Equal(6, labels.Count);
            Assert.All(labels, l => Assert.Contains("by LeastConnections", l, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void SaysTheFlowsMayBeOutOfDate_WhenStatsRepliesStop_AndWhenTheSwitchDisconnects()
    {
        var now = DateTimeOffset.UtcNow;
        _registry.OnConnected(1, 4, "127.0.0.1:50000", [], now);
        _registry.OnFlowStats(1, [View(Flow(0x0800, "10.0.0.100", 10))], now, now);
        var cut = Render<FlowTablesPage>();
        Assert.Empty(cut.FindAll("[data-testid=flowtables-stale]"));

        // Three missed polls at the default 10 s interval.
        _clock.Offset = TimeSpan.FromSeconds(31);
        cut.WaitForAssertion(() => Assert.Matches("No flow-stats reply for 3\\d s \\(polled every 10 s\\)", cut.Find("[data-testid=flowtables-stale]").TextContent));

        _registry.OnDisconnected(1, "echo timeout", now.AddSeconds(20));
        cut.WaitForAssertion(() => Assert.Matches(
            "The switch disconnected 1\\d s ago \\(echo timeout\\); these are the last flows it reported", cut.Find("[data-testid=flowtables-stale]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=flow-match]"));
    }

    [Fact]
    public void CookieLabel_OfAForgottenDecision_OrAnUnknownService_StillNamesWhatItCan()
    {
        var services = _balancer.State.Snapshot(DateTimeOffset.UtcNow);
        var serviceId = services.Single().ServiceId;

        Assert.Equal("web → member #2 · decision 77 (forgotten) · reverse",
            Dashboard.Balancer.FlowCookieLabel.Describe(FlowCookie.Create(serviceId, 2, 77, reverse: true), services));
        Assert.Equal("balancer service #9 (no longer configured) · decision 5 · forward",
            Dashboard.Balancer.FlowCookieLabel.Describe(FlowCookie.Create(9, 1, 5, reverse: false), services));
        Assert.Equal("", Dashboard.Balancer.FlowCookieLabel.Describe(99, services));
        Assert.Equal(FlowCookie.Create(serviceId, 2, 77, reverse: true),
            Dashboard.Balancer.FlowCookieLabel.Parse($"0x{FlowCookie.Create(serviceId, 2, 77, reverse: true):x}"));
    }

    private static FlowModCommandMessage Flow(ushort ethType, string ip, ulong cookie) => new(1)
    {
        Priority = 200,
        Match = new PacketMatch { EthType = ethType, Ipv4Dst = IPAddress.Parse(ip) },
        Actions = [new SetEthDstAction(MacAddress.Parse("52:54:00:00:01:01")), new OutputAction(3)],
        Cookie = cookie,
        IdleTimeoutSeconds = 30,
    };

    private static FlowEntryView View(FlowModCommandMessage f) => new()
    {
        Priority = f.Priority, Match = f.Match, Actions = f.Actions, Cookie = f.Cookie, IdleTimeoutSeconds = f.IdleTimeoutSeconds,
        PacketCount = 3, ByteCount = 180, Duration = TimeSpan.FromSeconds(4),
    };
}
