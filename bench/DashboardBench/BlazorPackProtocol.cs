using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using SignalRMessage = Microsoft.AspNetCore.SignalR.Protocol.HubMessage;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>
/// Blazor's circuit hub accepts only the protocol named <c>blazorpack</c>: SignalR's MessagePack hub protocol under
/// another name (blazor.web.js renames its MessagePack protocol the same way). The arguments circuits exchange are
/// plain strings, integers, booleans and byte arrays, which the two encode alike.
/// </summary>
internal sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out SignalRMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(SignalRMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(SignalRMessage message) => _inner.GetMessageBytes(message);
}
