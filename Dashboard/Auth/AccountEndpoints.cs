using Microsoft.AspNetCore.Identity;

namespace SdnDashboard.Dashboard.Auth;

/// <summary>Sign-out as a POST with antiforgery, so a link or an image cannot sign a user out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/account/login");
        });
}
