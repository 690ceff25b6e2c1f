namespace SdnDashboard.Tests.Infrastructure;

/// <summary>
/// One real dashboard on its own real Redis, shared by the tests of a class: the first-run testbed (libvirt test
/// driver, demo switch and clients), the API tokens of <see cref="Tokens"/>, flow stats every 2 s.
/// </summary>
public sealed class RedisDashboardFixture : IAsyncLifetime
{
    public const string ViewerToken = "viewer-token-0123456789";
    public const string OperatorToken = "operator-token-0123456789";
    public const string AdminToken = "admin-token-0123456789ab";

    public RedisServerFixture Redis { get; } = new();

    public DashboardProcess App { get; private set; } = default!;

    /// <summary>A Viewer, an Operator and an Admin bearer token.</summary>
    public static Dictionary<string, string> Tokens() => new()
    {
        ["Auth:ApiTokens:0:Name"] = "view", ["Auth:ApiTokens:0:Token"] = ViewerToken, ["Auth:ApiTokens:0:Role"] = "Viewer",
        ["Auth:ApiTokens:1:Name"] = "ops", ["Auth:ApiTokens:1:Token"] = OperatorToken, ["Auth:ApiTokens:1:Role"] = "Operator",
        ["Auth:ApiTokens:2:Name"] = "root", ["Auth:ApiTokens:2:Token"] = AdminToken, ["Auth:ApiTokens:2:Role"] = "Admin",
    };

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        var settings = Tokens();
        settings["Redis:Configuration"] = Redis.Configuration;
        settings["Controller:FlowStatsIntervalSeconds"] = "2";
        App = await DashboardProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    /// <summary>An HTTP client for the app that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
