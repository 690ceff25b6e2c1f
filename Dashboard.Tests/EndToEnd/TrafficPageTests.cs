using Microsoft.Playwright;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.EndToEnd;

/// <summary>Table 2 in the browser: the current hour fills in from the testbed, and the CSV download holds the same.</summary>
public sealed class TrafficPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CurrentHourRowFillsLive_AndTheCsvDownloadHasItsRows()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = true });
        IPage page;
        try
        {
            page = await BrowserFixture.SignInAndOpenAsync(context, new Uri(app.BaseAddress, "traffic"));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{app.Output}", ex);
        }

        var hour = DateTime.UtcNow.Hour;
        var row = page.GetByTestId($"traffic-hour-{hour:00}");

        await Assertions.Expect(page.GetByTestId("traffic-table")).ToContainTextAsync("instance-00000001", new() { Timeout = 30_000 });
        var first = await row.InnerTextAsync();
        await Assertions.Expect(row).Not.ToHaveTextAsync(first, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "traffic.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("traffic-csv").ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);

        Assert.StartsWith("hour_utc,instance-00000001 MB,", lines[0], StringComparison.Ordinal);
        Assert.Equal(25, lines.Length);
        var current = lines[hour + 1].Split(',');
        Assert.Equal(7, current.Length);
        Assert.All(current.Skip(1), cell => Assert.True(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) > 0, $"empty cell in {lines[hour + 1]}"));
    }
}
