using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MudBlazor.Services;
using SdnDashboard.Dashboard.Components.Layout;

namespace SdnDashboard.Tests.Components;

/// <summary>The static layout: the drawer and theme follow the cookies app.js sets, and every page is in the drawer.</summary>
public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized("alice");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void WithoutCookies_TheDrawerIsOpen_TheThemeLight_AndTheUserNamed()
    {
        var cut = RenderLayout(cookie: null);

        Assert.Contains("mud-drawer--open", cut.Find(".mud-drawer").ClassName, StringComparison.Ordinal);
        Assert.Equal("Dark mode", cut.Find("[data-testid=theme-toggle]").GetAttribute("title"));
        Assert.Equal("alice", cut.Find("[data-testid=signed-in-user]").TextContent);
        Assert.Equal(9, cut.FindAll(".mud-nav-link").Count);
        Assert.Equal("page body", cut.Find("#body").TextContent);
    }

    [Fact]
    public void TheCookies_CloseTheDrawer_AndDarkenTheTheme()
    {
        var light = RenderLayout(cookie: null).Markup;
        var cut = RenderLayout(cookie: $"{MainLayout.DrawerCookie}=closed; {MainLayout.ThemeCookie}=dark");

        Assert.Contains("mud-drawer--closed", cut.Find(".mud-drawer").ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-drawer-close-", cut.Find(".mud-layout").ClassName, StringComparison.Ordinal);
        Assert.Equal("Light mode", cut.Find("[data-testid=theme-toggle]").GetAttribute("title"));
        Assert.NotEqual(ThemeCss(light), ThemeCss(cut.Markup));
    }

    private IRenderedComponent<CascadingValue<HttpContext>> RenderLayout(string? cookie)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = cookie;
        }

        return Render<CascadingValue<HttpContext>>(p => p
            .Add(c => c.Value, http)
            .AddChildContent<MainLayout>(layout => layout.Add(l => l.Body, b => b.AddMarkupContent(0, "<p id=\"body\">page body</p>"))));
    }

    // MudThemeProvider renders the palette as CSS variables; light and dark differ in them.
    private static string ThemeCss(string markup)
    {
        var start = markup.IndexOf("--mud-palette-primary:", StringComparison.Ordinal);
        return markup.Substring(start, markup.IndexOf(';', start) - start);
    }
}
