using Microsoft.Playwright;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.EndToEnd;

/// <summary>
/// A laptop without <c>libvirt.so.0</c>: the first-run dashboard runs in its own mount namespace where the
/// library is an empty file, so loading it fails exactly as when the package is not installed.
/// </summary>
public sealed class MissingLibvirtTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Bind /dev/null over the real file behind the loader's libvirt.so.0, in a private mount namespace only.
    private const string HideLibvirt =
        "lib=$(ldconfig -p | awk '/libvirt\\.so\\.0 / {print $NF; exit}'); "
        + "[ -n \"$lib\" ] || { echo 'libvirt.so.0 is not installed here; ./test.sh installs libvirt0' >&2; exit 90; }; "
        + "mount --bind /dev/null \"$(readlink -f \"$lib\")\" || exit 91; exec \"$0\" \"$@\"";

    [Fact]
    public async Task WithoutLibvirt_TheOverviewSaysWhatToInstall()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("this test hides libvirt.so.0 with unshare and mount, which need root; CI runs ./test.sh as root");
        }

        await using var app = await DashboardProcess.StartAsync(wrapper: ["unshare", "--mount", "--propagation", "private", "sh", "-c", HideLibvirt]);
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);

        var down = page.GetByTestId("source-down");
        await Assertions.Expect(down.First).ToContainTextAsync("sudo apt-get install libvirt0", new() { Timeout = 30_000 });
        await Assertions.Expect(down.First).ToContainTextAsync("libvirt.so.0 is not installed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "overview-no-libvirt.png"), FullPage = true });
    }
}
