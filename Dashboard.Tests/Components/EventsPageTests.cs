using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Tests.Components;

public sealed class EventsPageTests : BunitContext, IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"sdn-events-{Guid.NewGuid():N}.db");
    private readonly EventLog _log;

    public EventsPageTests()
    {
        // The shared 2-core machine can be slow; live updates render at most 10 times a second on top of that.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddDbContextFactory<SdnDbContext>(o => o.UseSqlite($"Data Source={_dbPath};Pooling=False"));
        Services.AddSingleton<EventLog>();
        Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        _log = Services.GetRequiredService<EventLog>();
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SdnDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_dbPath);
    }

    [Fact]
    public async Task ShowsPersistedEvents_NewestFirst_AndNewOnesArriveLive()
    {
        await _log.SystemAsync("switch.up", "dpid 1", "switch connected");
        await _log.AuditAsync("balancer.algorithm", "web", "algorithm RoundRobin → LeastLoad", "alice");
        var cut = Render<EventsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["balancer.algorithm", "switch.up"],
            cut.FindAll("[data-testid=event-kind]").Select(e => e.TextContent).ToArray()));
        Assert.Equal("alice", cut.Find("[data-testid=event-user]").TextContent);

        await _log.SystemAsync("vm.down", "compute1", "VM web-2: running → shutoff");
        cut.WaitForAssertion(() => Assert.Equal("vm.down", cut.FindAll("[data-testid=event-kind]")[0].TextContent));
    }

    [Fact]
    public async Task ShowsTheNewestPage_AndOlderOnesOnRequest()
    {
        for (var i = 0; i < EventsPage.PageSize + 30; i++)
        {
            await _log.SystemAsync("vm.up", "compute1", $"VM vm-{i:D3} appeared");
        }

        var cut = Render<EventsPage>();

        cut.WaitForAssertion(() => Assert.Equal(EventsPage.PageSize, cut.FindAll("[data-testid=event-kind]").Count));
        Assert.Contains($"vm-{EventsPage.PageSize + 29:D3}", cut.FindAll("[data-testid=event-message]")[0].TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=events-more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(EventsPage.PageSize + 30, cut.FindAll("[data-testid=event-kind]").Count));
        Assert.Contains("vm-000", cut.FindAll("[data-testid=event-message]")[^1].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=events-more]"));
    }

    [Fact]
    public async Task TheCategoryAndSearchFields_FilterTheRows()
    {
        await _log.SystemAsync("switch.up", "dpid 1", "switch connected");
        await _log.AuditAsync("balancer.drain", "web", "drained web-2", "bob");
        var cut = Render<EventsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=event-kind]").Count));

        cut.Find("select[data-testid=events-category]").Change(EventLog.Audit);
        cut.WaitForAssertion(() => Assert.Equal(["balancer.drain"], cut.FindAll("[data-testid=event-kind]").Select(e => e.TextContent).ToArray()));

        cut.Find("select[data-testid=events-category]").Change("");
        cut.Find("input[data-testid=events-search]").Input("connected");
        cut.WaitForAssertion(() => Assert.Equal(["switch.up"], cut.FindAll("[data-testid=event-kind]").Select(e => e.TextContent).ToArray()));

        cut.Find("input[data-testid=events-search]").Input("nothing like this");
        cut.WaitForAssertion(() => Assert.Contains("No event matches.", cut.Find("[data-testid=events-table]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_FiltersByCategoryAndText()
    {
        await _log.SystemAsync("switch.up", "dpid 1", "switch connected");
        await _log.AuditAsync("balancer.drain", "web", "drained web-2", "bob");

        var audit = await _log.QueryAsync(new EventQuery(Category: EventLog.Audit));
        var byText = await _log.QueryAsync(new EventQuery(Text: "connected"));

        Assert.Equal("balancer.drain", Assert.Single(audit).Kind);
        Assert.Equal("switch.up", Assert.Single(byText).Kind);
    }
}
