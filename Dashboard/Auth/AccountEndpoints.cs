using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace SdnDashboard.Dashboard.Auth;

/// <summary>Sign-out as a POST with antiforgery, so a link, an image or another site's form cannot sign a user out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        {
            // UseAntiforgery only records a failed check; an endpoint that binds no form must refuse by itself.
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.BadRequest("The sign-out form's antiforgery token is missing or invalid; sign out with the button.");
            }

            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/account/login");
        });
}
