namespace SdnDashboard.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes, for asserting on asynchronous effects.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            if (await condition().ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }
        while (DateTime.UtcNow < deadline);

        return await condition().ConfigureAwait(false);
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout) =>
        TrueAsync(() => Task.FromResult(condition()), timeout);
}
