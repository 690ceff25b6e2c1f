namespace SdnDashboard.Collectors.Bus;

/// <summary>The <c>Redis</c> section: where the shared bus lives. Empty means the in-process bus.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; empty for none.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Whether a Redis bus is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
