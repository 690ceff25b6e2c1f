using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>
/// One Blazor Server circuit driven the way blazor.web.js drives it, without a browser: fetch the page (its
/// prerendered HTML carries the protected markers of its interactive components), connect to <c>/_blazor</c> with the
/// blazorpack protocol, start the circuit and add the page's components, acknowledge every render batch, and answer
/// every JS interop call with success. The server cannot tell it from a tab, so it keeps the same circuit; what it
/// spares is the renderer, so 50 of these measure the server rather than 50 Chromium processes on two cores.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Func<string, bool> _isProbe;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<(string Text, long ShownAtMs)> _seen = [];
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _batches;
    private long _batchBytes;
    private const int JsObjectReferenceResult = 1;
    private static readonly HttpClient Http = new();
    private int _jsCalls;
    private int _nextJsObjectId;

    private readonly Uri _baseUri;
    private readonly string _bearerToken;
    private string? _circuitId;

    private BlazorCircuitClient(HubConnection connection, Func<string, bool> isProbe, Uri baseUri, string bearerToken)
    {
        _connection = connection;
        _isProbe = isProbe;
        _baseUri = baseUri;
        _bearerToken = bearerToken;
    }

    /// <summary>Render batches received (and acknowledged) so far.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>Bytes of render batches received so far.</summary>
    public long BatchBytes => Interlocked.Read(ref _batchBytes);

    /// <summary>JS interop calls the circuit made and this client answered.</summary>
    public int JsCalls => Volatile.Read(ref _jsCalls);

    /// <summary>The last error the server sent (<c>JS.Error</c>), if any: the circuit is dead after one.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Opens a circuit on <paramref name="path"/> and returns once its first render batch has arrived. Strings of
    /// later batches for which <paramref name="isProbe"/> holds are recorded the first time each appears.
    /// </summary>
    public static async Task<BlazorCircuitClient> ConnectAsync(Uri baseUri, string path, string bearerToken, Func<string, bool> isProbe, CancellationToken ct)
    {
        var pageUri = new Uri(baseUri, path.TrimStart('/'));
        using var page = await SendAsync(HttpMethod.Get, pageUri, null, bearerToken, ct);
        var html = await page.EnsureSuccessStatusCode().Content.ReadAsStringAsync(ct);
        var operations = new JsonArray();
        foreach (Match m in MarkerPattern().Matches(html))
        {
            // Start markers carry a descriptor; end markers only repeat the prerender id.
            if (JsonNode.Parse(m.Groups["json"].Value) is JsonObject marker && marker["descriptor"] is not null
                && (string?)marker["type"] is "server" or "auto")
            {
                marker["uniqueId"] = operations.Count;
                operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = operations.Count + 1, ["marker"] = marker });
            }
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"{pageUri} has no interactive server component marker: is the token accepted and the page interactive?");
        }

        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        var builder = new HubConnectionBuilder();
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder
            .WithUrl(new Uri(baseUri, "_blazor"), o => o.Headers["Authorization"] = "Bearer " + bearerToken)
            .ConfigureLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .Build();
        var client = new BlazorCircuitClient(connection, isProbe, baseUri, bearerToken);
        connection.On<long, byte[]>("JS.RenderBatch", client.OnRenderBatchAsync);
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], client.OnBeginInvokeJsAsync);
        connection.On<string>("JS.Error", error => client.Error = error);
        // What blazor.web.js does with these touches only its DOM; here they are received and dropped.
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        try
        {
            await connection.StartAsync(ct);
            client._circuitId = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state, ct);
            if (string.IsNullOrEmpty(client._circuitId))
            {
                throw new InvalidOperationException($"the server refused to start a circuit for {pageUri}: {client.Error}");
            }

            var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
            await connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, ct);
            await client._firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            return client;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Forgets what was recorded so far; strings already seen stay known and are not recorded again.</summary>
    public void ClearSeen()
    {
        lock (_seen)
        {
            _seen.Clear();
        }
    }

    /// <summary>Each probe string seen since the last <see cref="ClearSeen"/>, with when its batch arrived (Unix ms).</summary>
    public IReadOnlyList<(string Text, long ShownAtMs)> Seen()
    {
        lock (_seen)
        {
            return [.. _seen];
        }
    }

    /// <summary>
    /// Ends the circuit as a closing tab does: the disconnect beacon first, so the server disposes the circuit at
    /// once instead of keeping it for a reconnection, then the connection.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_circuitId is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(_circuitId), "circuitId" } };
            using var response = await SendAsync(HttpMethod.Post, new Uri(_baseUri, "_blazor/disconnect"), form, _bearerToken, CancellationToken.None);
        }

        await _connection.DisposeAsync();
    }

    // One client (one connection pool) for every circuit's page fetch and disconnect beacon.
    private static async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, HttpContent? content, string bearerToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await Http.SendAsync(request, ct);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string? error = null;
        try
        {
            var strings = RenderBatchStrings.Read(data);
            lock (_seen)
            {
                foreach (var text in strings)
                {
                    if (_isProbe(text) && _known.Add(text) && _batches > 0)
                    {
                        _seen.Add((text, now));
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            error = ex.Message;
        }

        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchBytes, data.Length);
        // As blazor.web.js does: the server keeps at most a few unacknowledged batches and then stops rendering.
        await _connection.SendAsync("OnRenderCompleted", batchId, error);
        _firstBatch.TrySetResult();
    }

    private async Task OnBeginInvokeJsAsync(object?[] args)
    {
        Interlocked.Increment(ref _jsCalls);
        var asyncHandle = Convert.ToInt64(args[0], CultureInfo.InvariantCulture);
        if (asyncHandle == 0)
        {
            return; // fire and forget
        }

        // The answer is the JSON array [handle, succeeded, result]. The result is what the page's code reads back:
        // a JS object reference for an import (JSCallResultType.JSObjectReference), the chart's id for the chart
        // module's create, nothing for the rest.
        var identifier = (string?)args[1];
        var resultType = Convert.ToInt32(args[3], CultureInfo.InvariantCulture);
        var result = resultType == JsObjectReferenceResult
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"
            : identifier == "create" ? Interlocked.Increment(ref _nextJsObjectId).ToString(CultureInfo.InvariantCulture) : "null";
        await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
