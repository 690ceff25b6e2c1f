using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.EndToEnd;

/// <summary>The real dashboard with a real Redis, in Debian's Chromium: the shell and the live Overview.</summary>
public sealed class OverviewPageTests(BrowserFixture browser, RedisServerFixture redis)
    : IClassFixture<BrowserFixture>, IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Overview_ShowsWhatCollectorsPublishOnRedis_AndUpdatesLive()
    {
        await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Testbed:Enabled"] = "false",
        });
        await using var mux = BusServiceCollectionExtensions.ConnectRedis(new RedisOptions { Configuration = redis.Configuration }, NullLoggerFactory.Instance);
        using var bus = new RedisTelemetryBus(mux, TimeProvider.System, NullLogger<RedisTelemetryBus>.Instance);
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);

        await Assertions.Expect(page.GetByTestId("overview-waiting")).ToBeVisibleAsync();
        await bus.PublishAsync(BusTopics.VmStats, Poll("compute1", running: 2, rx: 1_500_000));

        await Assertions.Expect(page.GetByTestId("stat-nodes")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stat-vms")).ToHaveTextAsync("2 / 2");
        await Assertions.Expect(page.GetByTestId("stat-rx")).ToHaveTextAsync("3 MB/s");

        await bus.PublishAsync(BusTopics.VmStats, Poll("compute2", running: 3, rx: 100_000));
        await Assertions.Expect(page.GetByTestId("stat-nodes")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("stat-vms")).ToHaveTextAsync("5 / 5");
        await Assertions.Expect(page.Locator("[data-testid=overview-traffic-chart] .apexcharts-series")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Shell_HasEveryPageInTheDrawer_AndTheThemeToggles()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);

        string[] pages = ["Overview", "Compute nodes", "VMs", "Traffic", "Flows", "Load balancer", "Flow tables", "Events", "Settings"];
        foreach (var name in pages)
        {
            await Assertions.Expect(page.Locator(".mud-nav-link", new() { HasText = name }).First).ToBeVisibleAsync();
        }

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", background);
        var dark = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        // The layout has no circuit: closing the drawer and the theme are remembered across pages, and the page a
        // nav link opens is live in its own right.
        var vmsLink = page.Locator(".mud-nav-link", new() { HasText = "VMs" }).First;
        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Assertions.Expect(vmsLink).Not.ToBeInViewportAsync();
        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Assertions.Expect(vmsLink).ToBeInViewportAsync();
        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Assertions.Expect(vmsLink).Not.ToBeInViewportAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "vms").ToString());
        await Assertions.Expect(vmsLink).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", dark);
        await page.GetByTestId("drawer-toggle").ClickAsync();
        await page.EvaluateAsync("() => delete document.body.dataset.circuit");
        await page.Locator(".mud-nav-link", new() { HasText = "Events" }).First.ClickAsync();
        await page.WaitForURLAsync("**/events");
        await page.WaitForFunctionAsync("() => document.body?.dataset.circuit === 'up'");
        await Assertions.Expect(page.GetByTestId("events-category")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-nav-link.active", new() { HasText = "Events" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task NavigatingThroughEveryPage_Twice_EachPageComesUpLive_AndNoCircuitFails()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        // Each page is its own interactive root: an enhanced navigation swaps one root for the next in the same
        // circuit, and the new page brings MudBlazor's providers again while the old one goes.
        (string Link, string Path)[] pages =
        [
            ("Compute nodes", "/nodes"), ("VMs", "/vms"), ("Traffic", "/traffic"), ("Flows", "/flows"),
            ("Load balancer", "/balancer"), ("Flow tables", "/flow-tables"), ("Events", "/events"),
            ("Settings", "/settings"), ("Overview", "/"),
        ];
        for (var round = 0; round < 2; round++)
        {
            foreach (var (link, path) in pages)
            {
                await page.EvaluateAsync("() => delete document.body.dataset.circuit");
                await page.Locator(".mud-nav-link", new() { HasText = link }).First.ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
                await BrowserFixture.WaitForCircuitAsync(page);
                await Assertions.Expect(page.Locator(".mud-nav-link.active", new() { HasText = link })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            }
        }

        // The VM table still answers clicks after all that: the circuit is alive, not just the last render.
        await page.Locator(".mud-nav-link", new() { HasText = "VMs" }).First.ClickAsync();
        await page.GetByTestId("vms-sort-cpu").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("CPU");
        Assert.Empty(consoleErrors);
        Assert.DoesNotContain("Unhandled exception in circuit", app.Output, StringComparison.Ordinal);
    }

    private static HostPoll Poll(string host, int running, double rx)
    {
        var now = DateTimeOffset.UtcNow;
        return new HostPoll
        {
            Host = new HostSample { Host = host, Uri = "test:///e2e", Cpus = 8, MemoryKiB = 16_000_000, VmsRunning = running, VmsTotal = running, At = now },
            Vms = Enumerable.Range(1, running).Select(i => new VmSample
            {
                Host = host,
                Uuid = $"{host}-vm{i}",
                Name = $"{host}-vm{i}",
                State = "running",
                Vcpus = 1,
                NetRxBytesPerSec = rx,
                NetTxBytesPerSec = rx / 2,
                At = now,
            }).ToList(),
            At = now,
        };
    }
}
