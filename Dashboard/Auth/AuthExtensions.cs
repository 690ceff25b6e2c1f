using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SdnDashboard.Dashboard.Data;

namespace SdnDashboard.Dashboard.Auth;

/// <summary>
/// Cookie sign-in with ASP.NET Core Identity (users in SQLite), bearer tokens for the API, three roles.
/// API calls get 401/403, never a redirect to the login page.
/// </summary>
public static class AuthExtensions
{
    private const string CookieOrToken = "CookieOrToken";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SdnDbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrToken;
                o.DefaultAuthenticateScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "sdn.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CanOperate, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Creates the roles and, on first run, the <c>admin</c> user; prints a generated password once.</summary>
    public static async Task SeedIdentityAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), $"create role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync("admin").ConfigureAwait(false) is not null)
        {
            return;
        }

        var configured = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.AdminPassword;
        var admin = new IdentityUser("admin");
        var password = configured.Length > 0 ? configured : await AdminPassword.GenerateAsync(async candidate =>
        {
            foreach (var validator in users.PasswordValidators)
            {
                if (!(await validator.ValidateAsync(users, admin, candidate).ConfigureAwait(false)).Succeeded)
                {
                    return false;
                }
            }

            return true;
        }).ConfigureAwait(false);
        Check(await users.CreateAsync(admin, password).ConfigureAwait(false), "create the admin user");
        Check(await users.AddToRoleAsync(admin, Roles.Admin).ConfigureAwait(false), "give admin the Admin role");
        if (configured.Length == 0)
        {
            // Printed once, on the run that created the user; it is not stored anywhere in clear.
            Console.WriteLine($"""

                ==> First run: created user 'admin' with password '{password}'
                    Sign in at the dashboard's address and keep this password; it is not shown again.

                """);
        }
        else
        {
            app.Logger.LogInformation("First run: created user 'admin' with the password from Auth:AdminPassword");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
            || context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
