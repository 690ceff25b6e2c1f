namespace SdnDashboard.Collectors.Bus;

/// <summary>The <c>Bus</c> section: delivery limits common to both bus implementations.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>
    /// Messages queued per in-process subscriber before the oldest are dropped (a slow page must not make
    /// the collectors wait). 1 to 100000.
    /// </summary>
    public int SubscriberQueueLength { get; set; } = 256;
}
