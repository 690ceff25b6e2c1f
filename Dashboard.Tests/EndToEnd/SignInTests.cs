using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.EndToEnd;

/// <summary>Sign-in as a user meets it: the first-run password printed once, wrong passwords refused.</summary>
public sealed partial class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FirstRun_PrintsAGeneratedAdminPasswordOnce_ThatSignsIn()
    {
        await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string> { ["Auth:AdminPassword"] = "" });
        var match = PrintedPassword().Match(app.Output);
        Assert.True(match.Success, $"no first-run credential printed:\n{app.Output}");
        await using var context = await browser.Browser.NewContextAsync();

        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress, "admin", match.Groups[1].Value);

        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin");
        Assert.Single(PrintedPassword().Matches(app.Output));
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndPagesStayBehindTheLogin()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "vms").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fvms"));
        await page.GetByTestId("login-user").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong user name or password.");
    }

    [Fact]
    public async Task Api_WithoutCredentials_Gets401_NotARedirect()
    {
        await using var app = await DashboardProcess.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var anonymous = await http.GetAsync(new Uri("api/v1/vms", UriKind.Relative));
        using var badToken = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/vms", UriKind.Relative));
        badToken.Headers.Authorization = new("Bearer", "not-a-configured-token");
        using var refused = await http.SendAsync(badToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [GeneratedRegex("created user 'admin' with password '([^']+)'")]
    private static partial Regex PrintedPassword();
}
