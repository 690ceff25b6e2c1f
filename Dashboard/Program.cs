using SdnDashboard.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();
var app = builder.Build();
await app.UseDashboardAsync().ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so that tests can host the app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
