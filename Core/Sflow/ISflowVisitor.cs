namespace SdnDashboard.Core.Sflow;

/// <summary>
/// Receives the parts of a datagram from <see cref="SflowDatagramReader"/> in wire order, as values and
/// slices of the datagram: the allocation-free hot-path API. Implement it on a struct (or ref struct) so
/// the calls are specialised and inlined. Record bodies are raw; decode the ones you need, e.g. with
/// <see cref="SflowRawPacketHeader.ReadView"/>.
/// </summary>
public interface ISflowVisitor
{
    void OnDatagram(in SflowDatagramHeader datagram);

    void OnFlowSample(in SflowFlowSampleHeader sample);

    /// <param name="sample">The sample the record belongs to.</param>
    /// <param name="format">The record's format.</param>
    /// <param name="body">The record body, bounded to its declared length.</param>
    /// <param name="bodyOffset">The body's offset in the datagram, for error messages.</param>
    void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset);

    void OnFlowSampleEnd(in SflowFlowSampleHeader sample);

    void OnCounterSample(in SflowCounterSampleHeader sample);

    void OnCounterRecord(in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset);

    void OnCounterSampleEnd(in SflowCounterSampleHeader sample);

    /// <summary>A sample of a format other than the four sFlow v5 defines; skipped by its length.</summary>
    void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset);
}
