using System.Text.Json.Serialization.Metadata;

namespace SdnDashboard.Core.Bus;

/// <summary>A pub/sub channel carrying one message type, serialized with source-generated JSON.</summary>
/// <param name="Channel">The full channel name, e.g. <c>sdn:events:vm-stats</c>; see <see cref="BusKeys"/>.</param>
/// <param name="TypeInfo">Source-generated serialization metadata for <typeparamref name="T"/>.</param>
public sealed record BusTopic<T>(string Channel, JsonTypeInfo<T> TypeInfo);
