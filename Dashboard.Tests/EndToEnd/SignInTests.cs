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
    public async Task Restart_DoesNotPrintThePasswordAgain_AndTheFirstOneStillSignsIn()
    {
        var data = Directory.CreateTempSubdirectory("sdn-restart-");
        try
        {
            var settings = new Dictionary<string, string> { ["Auth:AdminPassword"] = "", ["Storage:DatabasePath"] = Path.Combine(data.FullName, "kept.db") };
            string password;
            await using (var first = await DashboardProcess.StartAsync(settings))
            {
                var match = PrintedPassword().Match(first.Output);
                Assert.True(match.Success, $"no first-run credential printed:\n{first.Output}");
                password = match.Groups[1].Value;
            }

            await using var second = await DashboardProcess.StartAsync(settings);
            await using var context = await browser.Browser.NewContextAsync();
            var page = await BrowserFixture.SignInAndOpenAsync(context, second.BaseAddress, "admin", password);

            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin");
            Assert.DoesNotContain("password", second.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Forms_RefuseAPostWithoutTheAntiforgeryToken_ForSignInAndSignOut()
    {
        await using var app = await DashboardProcess.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();

        // A cross-site form would post the fields without the token the real form carries.
        var forgedSignIn = await context.APIRequest.PostAsync(new Uri(app.BaseAddress, "account/login").ToString(), new()
        {
            Form = FormOf(context.APIRequest, ("_handler", "login"), ("Input.UserName", "admin"), ("Input.Password", DashboardProcess.AdminPassword)),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forgedSignIn.Status);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "sdn.auth");

        var page = await BrowserFixture.SignInAndOpenAsync(context, app.BaseAddress);
        var forgedSignOut = await context.APIRequest.PostAsync(new Uri(app.BaseAddress, "account/logout").ToString(), new()
        {
            Form = FormOf(context.APIRequest, ("submit", "")),
            MaxRedirects = 0,
        });
        Assert.Equal(400, forgedSignOut.Status);
        var stillIn = await context.APIRequest.GetAsync(new Uri(app.BaseAddress, "api/v1/nodes").ToString(), new() { MaxRedirects = 0 });
        Assert.Equal(200, stillIn.Status);

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        var signedOut = await context.APIRequest.GetAsync(new Uri(app.BaseAddress, "api/v1/nodes").ToString(), new() { MaxRedirects = 0 });
        Assert.Equal(401, signedOut.Status);
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

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    [GeneratedRegex("created user 'admin' with password '([^']+)'")]
    private static partial Regex PrintedPassword();
}
