using Microsoft.Playwright;

namespace SdnDashboard.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright's .NET driver (shipped in the NuGet package; nothing downloaded).
/// One browser per test class; each test opens its own context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SdnDashboard.sln")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; run ./test.sh (it installs Debian's chromium) or apt-get install chromium");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Opens <paramref name="url"/>, signs in on the login page it redirects to, and waits until the Blazor
    /// circuit is interactive, so clicks reach the app and not the prerendered HTML.
    /// </summary>
    public static async Task<IPage> SignInAndOpenAsync(
        IBrowserContext context, Uri url, string user = "admin", string password = DashboardProcess.AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await WaitForCircuitAsync(page);
        return page;
    }

    public static async Task WaitForCircuitAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForFunctionAsync("() => document.body?.dataset.circuit === 'up'", null, new() { Timeout = 60_000 });
        }
        catch (TimeoutException ex)
        {
            // Say where the browser stood: a refused sign-in and a circuit that never connected look alike otherwise.
            var text = await page.InnerTextAsync("body", new() { Timeout = 5_000 }).ConfigureAwait(false);
            throw new TimeoutException($"no live circuit after 60 s at {page.Url}; the page shows: {text[..Math.Min(text.Length, 600)]}", ex);
        }
    }
}
