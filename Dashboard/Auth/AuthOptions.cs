namespace SdnDashboard.Dashboard.Auth;

/// <summary>The <c>Auth</c> section: the first admin's password and the API's bearer tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Password of the <c>admin</c> user created on first run. Empty: one is generated and printed once.
    /// Ignored once the user exists.
    /// </summary>
    public string AdminPassword { get; set; } = "";

    /// <summary>Bearer tokens for scripts calling <c>/api/v1</c>.</summary>
    public List<ApiTokenOptions> ApiTokens { get; set; } = [];
}

/// <summary>One API token: who it is, the secret, and its role.</summary>
public sealed class ApiTokenOptions
{
    public string Name { get; set; } = "";

    public string Token { get; set; } = "";

    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string Role { get; set; } = Roles.Viewer;
}
