using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using MudBlazor;

namespace SdnDashboard.Dashboard.Components.Layout;

public partial class MainLayout
{
    /// <summary>Cookie that holds the theme the user chose: <c>dark</c> or <c>light</c> (the default).</summary>
    public const string ThemeCookie = "sdn-theme";

    /// <summary>Cookie that holds whether the user closed the navigation drawer: <c>closed</c> or <c>open</c> (the default).</summary>
    public const string DrawerCookie = "sdn-drawer";

    // One theme for every request: a MudTheme is a graph of palettes, typography and shadows that nothing changes.
    private static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1565c0", AppbarBackground = "#1565c0" },
        PaletteDark = new PaletteDark { Primary = "#64b5f6" },
    };

    private bool _drawerOpen = true;
    private bool _isDarkMode;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    protected override void OnParametersSet()
    {
        // The layout is static: each request renders it anew, so both toggles live in cookies set by js/app.js.
        var cookies = HttpContext?.Request.Cookies;
        _isDarkMode = cookies?[ThemeCookie] == "dark";
        _drawerOpen = cookies?[DrawerCookie] != "closed";
    }
}
