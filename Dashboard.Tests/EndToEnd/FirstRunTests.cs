using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard as `dotnet run --project Dashboard` starts it, with nothing configured: the built-in
/// testbed (libvirt's real test driver over the paper's 2 nodes x 3 VMs) feeds every page through the
/// real pipeline. Saves a screenshot of each page for the README.
/// </summary>
public sealed class FirstRunTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task WithNothingConfigured_EveryPageShowsTheTestbed_AndTheVmTableChangesLive()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);

        await Assertions.Expect(page.GetByTestId("stat-nodes")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("overview-balance")).ToContainTextAsync("web");
        await Shot(page, "overview");

        await page.Locator(".mud-nav-link", new() { HasText = "Compute nodes" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-name")).ToHaveTextAsync(["compute1", "compute2"]);
        await Shot(page, "nodes");

        await page.Locator(".mud-nav-link", new() { HasText = "VMs" }).ClickAsync();
        var names = page.GetByTestId("vm-name");
        await Assertions.Expect(names).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("vms-table")).ToContainTextAsync("instance-00000001");
        await Assertions.Expect(page.GetByTestId("vms-table")).ToContainTextAsync("demo");
        var before = await page.GetByTestId("vms-table").Locator("tbody").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("vms-table").Locator("tbody")).Not.ToHaveTextAsync(before, new() { Timeout = 15_000 });
        await Shot(page, "vms");

        await names.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/vms/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("vm-interfaces")).ToContainTextAsync("52:54:00:00:0");
        await Shot(page, "vm-detail");

        await page.Locator(".mud-nav-link", new() { HasText = "Load balancer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-name")).ToHaveTextAsync(["web-1", "web-2", "web-3", "web-4"]);
        await Shot(page, "balancer");

        await page.Locator(".mud-nav-link", new() { HasText = "Events" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("event-kind").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("events-table")).ToContainTextAsync("libvirt.up");
        await Shot(page, "events");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
}
