using Microsoft.Extensions.Logging;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>
/// The hypervisor goes away and comes back. The test driver runs inside this process and its connection
/// never dies (virConnectIsAlive stays 1), so its node file stands in for the daemon: removing the file
/// is the outage — the collector notices it on its next poll and every reopen then fails in
/// virConnectOpenReadOnly, exactly as a stopped libvirtd makes it fail — and putting it back is the recovery.
/// </summary>
public class LibvirtFaultTests
{
    [Fact]
    public async Task NodeFileRemovedMidRun_ReportsDownKeepsRunningAndResumes()
    {
        using var node = LibvirtTestData.Copy("compute1.xml");
        await using var harness = await CollectorHarness.StartAsync(CollectorHarness.FastOptions(node.Uri));
        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute1") >= 2, "polls before the outage");

        node.Remove();

        await CollectorHarness.EventuallyAsync(() => harness.Statuses.Any(s => !s.Up), "a SourceStatus down message");
        var down = harness.Statuses.Single(s => !s.Up);
        Assert.Equal(("libvirt", node.Uri), (down.Kind, down.Source));
        Assert.Contains("node file is gone", down.Message, StringComparison.Ordinal);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "unreachable"), "the outage is in the log");
        // Latest state expires by its TTL (3 polls = 0.6 s) while the host is away.
        await CollectorHarness.EventuallyAsync(
            async () => (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Count == 0, "VMs to drop out of the latest state", 3);
        var pollsDuringOutage = harness.PollsOf("compute1");
        await Task.Delay(600);
        Assert.Equal(pollsDuringOutage, harness.PollsOf("compute1"));

        node.Restore();

        await CollectorHarness.EventuallyAsync(() => harness.Statuses.Count(s => s.Up) == 2, "a SourceStatus up message after the restore");
        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute1") >= pollsDuringOutage + 2, "polls after the restore");
        Assert.Equal(3, (await harness.Bus.GetAllLatestAsync(BusTopics.LatestVm)).Count);
        Assert.Single(harness.Statuses, s => !s.Up);
        Assert.Equal(3, harness.Polls.Last().Vms.Count);
    }

    [Fact]
    public async Task UnreachableAtStart_RetriesWithBackOffThenConnects()
    {
        using var node = LibvirtTestData.Copy("compute2.xml");
        node.Remove();
        await using var harness = await CollectorHarness.StartAsync(CollectorHarness.FastOptions(node.Uri));

        await CollectorHarness.EventuallyAsync(() => harness.Statuses.Any(s => !s.Up), "a SourceStatus down message");
        Assert.Contains("failed to parse xml document", harness.Statuses.Single().Message, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Empty(harness.Polls);

        node.Restore();

        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute2") >= 1, "a poll once the node file is back");
        Assert.Equal([false, true], harness.Statuses.Select(s => s.Up));
        Assert.True(harness.Log.Contains(LogLevel.Information, "connected (host compute2)"));
    }

    [Fact]
    public void TestDriver_ConnectionStaysAliveAfterItsFileIsGone_SoTheFileIsProbed()
    {
        using var node = LibvirtTestData.Copy("compute1.xml");
        using var connection = LibvirtConnection.OpenReadOnly(node.Uri);
        node.Remove();

        // Why the poller probes the node file: libvirt's test driver reads it once at open and its
        // in-process connection answers alive forever, so virConnectIsAlive alone would never see an outage.
        Assert.True(connection.IsAlive());
        Assert.Equal(3, new LibvirtHostReader(connection, "compute1").Read(DateTimeOffset.UtcNow).Vms.Count);
        Assert.Throws<LibvirtException>(() => LibvirtConnection.OpenReadOnly(node.Uri));
        node.Restore();
    }

    [Fact]
    public void NextBackOff_Doubles_UpToTheConfiguredMaximum()
    {
        var options = new LibvirtOptions { ReconnectInitialSeconds = 1, ReconnectMaxSeconds = 5 };
        var waits = new List<double>();
        var wait = TimeSpan.FromSeconds(options.ReconnectInitialSeconds);
        for (var i = 0; i < 5; i++)
        {
            waits.Add(wait.TotalSeconds);
            wait = LibvirtHostPoller.NextBackOff(wait, options);
        }

        Assert.Equal([1, 2, 4, 5, 5], waits);
    }

    [Fact]
    public async Task OneUriDown_OtherUriKeepsPolling()
    {
        using var broken = LibvirtTestData.Copy("compute2.xml");
        broken.Remove();
        await using var harness = await CollectorHarness.StartAsync(
            CollectorHarness.FastOptions(LibvirtTestData.UriOf("compute1.xml"), broken.Uri));

        await CollectorHarness.EventuallyAsync(() => harness.PollsOf("compute1") >= 3, "polls of the healthy URI");
        Assert.Equal(0, harness.PollsOf("compute2"));
        Assert.Contains(harness.Statuses, s => !s.Up && s.Source == broken.Uri);
    }
}
