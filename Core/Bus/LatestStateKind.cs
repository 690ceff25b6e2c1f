using System.Text.Json.Serialization.Metadata;

namespace SdnDashboard.Core.Bus;

/// <summary>A family of latest-state keys (one per object id) holding one JSON type.</summary>
/// <param name="KeyPrefix">The key prefix, e.g. <c>sdn:latest:vm:</c>; the object id follows it.</param>
/// <param name="TypeInfo">Source-generated serialization metadata for <typeparamref name="T"/>.</param>
public sealed record LatestStateKind<T>(string KeyPrefix, JsonTypeInfo<T> TypeInfo)
{
    /// <summary>The full key of one object.</summary>
    public string KeyOf(string id) => KeyPrefix + id;
}
