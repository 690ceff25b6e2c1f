using Microsoft.Playwright;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Hosting;

/// <summary>
/// <c>dotnet publish Dashboard -c Release</c> run with <c>ASPNETCORE_ENVIRONMENT=Production</c>, as the systemd
/// unit runs it: no build output, no Development-only static web assets manifest. Every stylesheet and script
/// the page names must come back 200 and the Blazor circuit must come up.
/// </summary>
public sealed class PublishedDashboardTests(PublishedDashboardFixture published, BrowserFixture browser)
    : IClassFixture<PublishedDashboardFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PublishedApp_InProduction_ServesEveryAsset_SignsIn_AndTheCircuitComesUp()
    {
        Assert.True(published.PublishTime < TimeSpan.FromSeconds(60), $"dotnet publish took {published.PublishTime.TotalSeconds:0} s");
        await using var app = await DashboardProcess.StartAsync(applicationDirectory: published.Directory, environment: "Production");
        await using var context = await browser.Browser.NewContextAsync();
        var failed = new List<string>();
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        var page = await BrowserFixture.SignInAndOpenAsync(context, new Uri(app.BaseAddress, "nodes"));

        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin");
        var assets = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href).concat([...document.scripts].filter(s => s.src).map(s => s.src))");
        Assert.Contains(assets, a => a.EndsWith("_framework/blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("_content/MudBlazor/MudBlazor.min.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("lib/apexcharts/apexcharts.min.js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await context.APIRequest.GetAsync(asset);
            Assert.True(response.Status == 200, $"{asset}: {response.Status}");
            Assert.True((await response.BodyAsync()).Length > 0, $"{asset} is empty");
        }

        Assert.Empty(failed);
        Assert.Contains("Hosting environment: Production", app.Output, StringComparison.Ordinal);
    }
}
