using Microsoft.Extensions.Options;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>The flow ledger and the intended/actual difference, on a fake clock and hand-made stats.</summary>
public class SwitchRegistryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly PacketMatch A = new() { InPort = 1, EthDst = new MacAddress(0xA) };
    private static readonly PacketMatch B = new() { InPort = 2, EthDst = new MacAddress(0xB) };

    private static SwitchRegistry Connected(int capacity = 100)
    {
        var registry = new SwitchRegistry(Options.Create(new ControllerOptions { FlowLedgerCapacity = capacity }));
        registry.OnConnected(7, 4, "127.0.0.1:1", [], T0);
        return registry;
    }

    private static FlowModCommandMessage Add(PacketMatch match, ushort idle = 0, ushort hard = 0) =>
        new(7) { Priority = 10, Match = match, Actions = [new OutputAction(3)], IdleTimeoutSeconds = idle, HardTimeoutSeconds = hard };

    private static FlowEntryView Held(PacketMatch match, ushort priority = 10) => new() { Priority = priority, Match = match };

    [Fact]
    public void Stats_SplitIntoMissingAndUnintended()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(Add(B), T0);
        registry.OnFlowStats(7, [Held(A), Held(B, priority: 99)], T0.AddSeconds(1), T0.AddSeconds(1));
        var view = registry.Get(7)!;
        Assert.Equal(B, Assert.Single(view.IntendedButMissing).Match);
        Assert.Equal(99, Assert.Single(view.PresentButUnintended).Priority);
    }

    [Fact]
    public void FlowSentAfterTheRequest_IsNotYetMissing()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A), T0.AddSeconds(2));
        registry.OnFlowStats(7, [], T0.AddSeconds(1), T0.AddSeconds(2));
        Assert.Empty(registry.Get(7)!.IntendedButMissing);
        Assert.Equal(1, registry.Get(7)!.IntendedCount);
    }

    [Fact]
    public void Deletes_RemoveStrictByKeyAndNonStrictByCover()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(Add(B), T0);
        registry.RecordFlowMod(new FlowModCommandMessage(7) { Command = FlowModCommand.DeleteStrict, Priority = 10, Match = A }, T0);
        Assert.Equal(1, registry.Get(7)!.IntendedCount);
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(new FlowModCommandMessage(7) { Command = FlowModCommand.Delete, TableId = 0xFF, Match = new PacketMatch { InPort = 2 } }, T0);
        registry.OnFlowStats(7, [Held(A)], T0.AddSeconds(1), T0.AddSeconds(1));
        Assert.Equal(1, registry.Get(7)!.IntendedCount);
        Assert.Empty(registry.Get(7)!.IntendedButMissing);
    }

    [Fact]
    public void DeleteByCookie_WithAnEmptyMatch_ForgetsOnlyTheFlowsOfThatCookie()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A) with { Cookie = 0xB1_0001_0000_0001 }, T0);
        registry.RecordFlowMod(Add(B) with { Cookie = 0xB1_0001_0000_0002 }, T0);
        registry.RecordFlowMod(new FlowModCommandMessage(7)
        {
            Command = FlowModCommand.Delete, TableId = 0xFF, Match = new PacketMatch(), Cookie = 0xB1_0001_0000_0001, CookieMask = ulong.MaxValue,
        }, T0);
        registry.OnFlowStats(7, [Held(B)], T0.AddSeconds(1), T0.AddSeconds(1));
        var view = registry.Get(7)!;
        Assert.Equal(1, view.IntendedCount);
        Assert.Empty(view.PresentButUnintended);
        Assert.Empty(view.IntendedButMissing);
    }

    [Fact]
    public void Timeouts_AndFlowRemoved_ExpireIntendedFlows()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A, hard: 5), T0);
        registry.RecordFlowMod(Add(B, idle: 5), T0);
        registry.OnFlowStats(7, [Held(B)], T0.AddSeconds(1), T0.AddSeconds(1));
        Assert.Equal(A, Assert.Single(registry.Get(7)!.IntendedButMissing).Match);

        // A's hard timeout has passed; B was held once and is gone now: both expired, neither missing.
        registry.OnFlowStats(7, [], T0.AddSeconds(6), T0.AddSeconds(6));
        Assert.Empty(registry.Get(7)!.IntendedButMissing);
        Assert.Equal(0, registry.Get(7)!.IntendedCount);

        registry.RecordFlowMod(Add(A), T0.AddSeconds(7));
        registry.OnFlowRemoved(new FlowRemoved(7) { Priority = 10, Match = A });
        Assert.Equal(0, registry.Get(7)!.IntendedCount);
    }

    [Fact]
    public void Reconnect_StartsANewLedger_AndCapacityIsReported()
    {
        var registry = Connected(capacity: 1);
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(Add(B), T0);
        Assert.True(registry.Get(7)!.LedgerTruncated);
        registry.OnDisconnected(7, "gone", T0.AddSeconds(1));
        Assert.False(registry.Get(7)!.Connected);
        registry.OnConnected(7, 1, "127.0.0.1:2", [], T0.AddSeconds(2));
        var view = registry.Get(7)!;
        Assert.Equal((true, (byte)1, 0, false), (view.Connected, view.Version, view.IntendedCount, view.LedgerTruncated));
    }

    [Fact]
    public void ResentFlow_SameContent_OnlyRefreshesWhenItWasSent()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A, idle: 30), T0);
        registry.RecordFlowMod(Add(A, idle: 30), T0.AddSeconds(3));
        registry.OnFlowStats(7, [], T0.AddSeconds(2), T0.AddSeconds(2));

        // Sent again after the request: not missing yet, and one flow, not two.
        Assert.Empty(registry.Get(7)!.IntendedButMissing);
        Assert.Equal(1, registry.Get(7)!.IntendedCount);
        registry.OnFlowStats(7, [], T0.AddSeconds(4), T0.AddSeconds(4));
        Assert.Equal(T0.AddSeconds(3), Assert.Single(registry.Get(7)!.IntendedButMissing).SentAt);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("max length")]
    [InlineData("cookie")]
    [InlineData("idle")]
    [InlineData("hard")]
    [InlineData("two actions")]
    public void ResentFlow_WithADifference_ReplacesWhatTheLedgerHolds(string difference)
    {
        var registry = Connected();
        var first = Add(A) with { Cookie = 1, IdleTimeoutSeconds = 30, HardTimeoutSeconds = 60 };
        var second = difference switch
        {
            "port" => first with { Actions = [new OutputAction(4)] },
            "max length" => first with { Actions = [new OutputAction(3, 128)] },
            "cookie" => first with { Cookie = 2 },
            "idle" => first with { IdleTimeoutSeconds = 31 },
            "hard" => first with { HardTimeoutSeconds = 61 },
            _ => first with { Actions = [new SetEthDstAction(new MacAddress(0xC)), new OutputAction(3)] },
        };
        registry.RecordFlowMod(first, T0);
        registry.RecordFlowMod(second, T0);
        registry.OnFlowStats(7, [], T0.AddSeconds(1), T0.AddSeconds(1));
        var intended = Assert.Single(registry.Get(7)!.IntendedButMissing);
        Assert.Equal(
            (second.Cookie, second.IdleTimeoutSeconds, second.HardTimeoutSeconds),
            (intended.Cookie, intended.IdleTimeoutSeconds, intended.HardTimeoutSeconds));
        Assert.Equal(second.Actions, intended.Actions);
    }

    [Fact]
    public void ModifyStrict_ThenTheOriginalFlowAgain_RestoresItsActions()
    {
        var registry = Connected();
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(Add(A) with { Command = FlowModCommand.ModifyStrict, Actions = [new OutputAction(9)] }, T0);
        Assert.Equal([new OutputAction(9)], MissingActions(registry));
        registry.RecordFlowMod(Add(A), T0);
        Assert.Equal([new OutputAction(3)], MissingActions(registry));
        registry.RecordFlowMod(new FlowModCommandMessage(7) { Command = FlowModCommand.Modify, Match = new PacketMatch { InPort = 1 }, Actions = [new OutputAction(5)] }, T0);
        Assert.Equal([new OutputAction(5)], MissingActions(registry));
    }

    [Fact]
    public void FullLedger_RefusesNewFlows_ButStillRefreshesKnownOnes()
    {
        var registry = Connected(capacity: 1);
        registry.RecordFlowMod(Add(A), T0);
        registry.RecordFlowMod(Add(B), T0);
        registry.RecordFlowMod(Add(A), T0.AddSeconds(3));
        registry.OnFlowStats(7, [], T0.AddSeconds(2), T0.AddSeconds(2));
        var view = registry.Get(7)!;
        Assert.Equal((1, true), (view.IntendedCount, view.LedgerTruncated));
        Assert.Empty(view.IntendedButMissing);
    }

    private static List<FlowAction> MissingActions(SwitchRegistry registry)
    {
        registry.OnFlowStats(7, [], T0.AddSeconds(1), T0.AddSeconds(1));
        return [.. Assert.Single(registry.Get(7)!.IntendedButMissing).Actions];
    }
}
