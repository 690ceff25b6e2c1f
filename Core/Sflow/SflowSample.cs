namespace SdnDashboard.Core.Sflow;

/// <summary>One sample of a datagram: flow, counter, or a format kept as unknown.</summary>
public abstract record SflowSample
{
    /// <summary>The sample's <c>data_format</c> as it will be encoded.</summary>
    public abstract SflowDataFormat Format { get; }
}
