namespace SdnDashboard.Core.Sflow;

/// <summary>Decodes a datagram into objects (<see cref="SflowDatagram"/>); the materialising API.</summary>
public static class SflowDatagramDecoder
{
    /// <exception cref="SflowFormatException">The datagram or one of its known records is malformed.</exception>
    public static SflowDatagram Decode(ReadOnlySpan<byte> datagram)
    {
        var builder = new Builder();
        SflowDatagramReader.Read(datagram, ref builder);
        return builder.Result!;
    }

    private sealed class Builder : ISflowVisitor
    {
        private readonly List<SflowSample> _samples = [];
        private List<SflowFlowRecord> _flowRecords = [];
        private List<SflowCounterRecord> _counterRecords = [];

        public SflowDatagram? Result { get; private set; }

        public void OnDatagram(in SflowDatagramHeader datagram) => Result = new SflowDatagram
        {
            AgentAddress = datagram.AgentAddress,
            SubAgentId = datagram.SubAgentId,
            SequenceNumber = datagram.SequenceNumber,
            UptimeMs = datagram.UptimeMs,
            Samples = _samples,
        };

        public void OnFlowSample(in SflowFlowSampleHeader sample) => _flowRecords = new((int)sample.RecordCount);

        public void OnFlowRecord(in SflowFlowSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) =>
            _flowRecords.Add(SflowFlowRecord.Read(format, body, bodyOffset));

        public void OnFlowSampleEnd(in SflowFlowSampleHeader sample) => _samples.Add(SflowFlowSample.From(sample, _flowRecords));

        public void OnCounterSample(in SflowCounterSampleHeader sample) => _counterRecords = new((int)sample.RecordCount);

        public void OnCounterRecord(
            in SflowCounterSampleHeader sample, SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) =>
            _counterRecords.Add(SflowCounterRecord.Read(format, body, bodyOffset));

        public void OnCounterSampleEnd(in SflowCounterSampleHeader sample) => _samples.Add(new SflowCounterSample
        {
            Expanded = sample.Expanded,
            SequenceNumber = sample.SequenceNumber,
            SourceIdType = sample.SourceIdType,
            SourceIdIndex = sample.SourceIdIndex,
            Records = _counterRecords,
        });

        public void OnUnknownSample(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset) =>
            _samples.Add(new SflowUnknownSample(format, body.ToArray()));
    }
}
