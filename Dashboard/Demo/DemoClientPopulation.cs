namespace SdnDashboard.Dashboard.Demo;

/// <summary>
/// Decides when demo clients come and go: the first <see cref="Target"/> arrive a quarter second apart, each
/// stays a random while, and a departed client is replaced by another one after a few seconds, so the balancer
/// keeps assigning new clients and old affinities age out. Not thread-safe: the switch serialises access.
/// </summary>
public sealed class DemoClientPopulation(IReadOnlyList<DemoHost> clients, int target, Random random)
{
    private static readonly TimeSpan InitialSpacing = TimeSpan.FromMilliseconds(250);
    private DateTimeOffset? _nextArrival;
    private bool _filled;

    /// <summary>How many clients are present at once (at most).</summary>
    public int Target => target;

    /// <summary>Shortest stay of a client.</summary>
    public TimeSpan MinStay { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Longest stay of a client.</summary>
    public TimeSpan MaxStay { get; init; } = TimeSpan.FromSeconds(300);

    public int Present => clients.Count(c => c.IsPresent);

    /// <summary>Lets due clients leave and the next one arrive.</summary>
    public void Tick(DateTimeOffset now)
    {
        _nextArrival ??= now;
        foreach (var client in clients)
        {
            if (client.IsPresent && now >= client.LeavesAt)
            {
                client.Leave();
            }
        }

        var present = Present;
        if (present >= target)
        {
            _filled = true;
            return;
        }

        if (now < _nextArrival)
        {
            return;
        }

        var absent = clients.Where(c => !c.IsPresent).ToList();
        if (absent.Count == 0)
        {
            return;
        }

        var stay = MinStay + ((MaxStay - MinStay) * random.NextDouble());
        absent[random.Next(absent.Count)].Arrive(now, now + stay);
        _nextArrival = now + (_filled ? TimeSpan.FromSeconds(2 + (6 * random.NextDouble())) : InitialSpacing);
    }
}
