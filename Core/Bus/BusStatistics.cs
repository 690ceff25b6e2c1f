namespace SdnDashboard.Core.Bus;

/// <summary>Thread-safe counters of bus losses; every implementation keeps one.</summary>
public sealed class BusStatistics
{
    private long _publishFailures;
    private long _writeFailures;
    private long _malformedMessages;
    private long _handlerFailures;

    /// <summary>Publishes the transport did not accept.</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Latest-state writes the transport did not accept.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Received messages that could not be decoded and were dropped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformedMessages);

    /// <summary>Subscriber handlers that threw.</summary>
    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    public void CountPublishFailure() => Interlocked.Increment(ref _publishFailures);

    public void CountWriteFailure() => Interlocked.Increment(ref _writeFailures);

    public void CountMalformed() => Interlocked.Increment(ref _malformedMessages);

    public void CountHandlerFailure() => Interlocked.Increment(ref _handlerFailures);
}
