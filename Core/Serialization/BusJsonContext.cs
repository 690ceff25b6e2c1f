using System.Text.Json.Serialization;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Core.Serialization;

/// <summary>
/// Source-generated JSON for every bus contract. camelCase, nulls omitted, so messages stay small and
/// readable in <c>redis-cli monitor</c>. Other partial declarations may add contracts of their own.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HostPoll))]
[JsonSerializable(typeof(HostSample))]
[JsonSerializable(typeof(VmSample))]
[JsonSerializable(typeof(SourceStatus))]
[JsonSerializable(typeof(TrafficBatch))]
[JsonSerializable(typeof(VmTraffic))]
public sealed partial class BusJsonContext : JsonSerializerContext;
