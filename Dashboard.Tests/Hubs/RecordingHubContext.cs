using Microsoft.AspNetCore.SignalR;
using SdnDashboard.Dashboard.Hubs;

namespace SdnDashboard.Tests.Hubs;

/// <summary>A hub context that records every broadcast, with the time it was made, for broadcaster unit tests.</summary>
internal sealed class RecordingHubContext : IHubContext<TelemetryHub>, IHubClients, IClientProxy, IGroupManager
{
    private readonly List<(string Method, object? Message, DateTimeOffset At)> _sent = [];

    public IHubClients Clients => this;

    public IGroupManager Groups => this;

    public IClientProxy All => this;

    /// <summary>A copy of what was sent so far.</summary>
    public IReadOnlyList<(string Method, object? Message, DateTimeOffset At)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        lock (_sent)
        {
            _sent.Add((method, args.Length > 0 ? args[0] : null, DateTimeOffset.UtcNow));
        }

        return Task.CompletedTask;
    }

    public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException("the broadcaster sends to all");

    public IClientProxy Client(string connectionId) => throw new NotSupportedException("the broadcaster sends to all");

    IClientProxy IHubClients<IClientProxy>.Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException("the broadcaster sends to all");

    public IClientProxy Group(string groupName) => throw new NotSupportedException("the broadcaster sends to all");

    public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException("the broadcaster sends to all");

    IClientProxy IHubClients<IClientProxy>.Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException("the broadcaster sends to all");

    public IClientProxy User(string userId) => throw new NotSupportedException("the broadcaster sends to all");

    public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException("the broadcaster sends to all");

    public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
