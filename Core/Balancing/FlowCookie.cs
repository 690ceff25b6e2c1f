namespace SdnDashboard.Core.Balancing;

/// <summary>
/// The 64-bit cookie on every load-balancer flow names the service and the decision, so that a
/// flow-removed message finds its affinity entry and a delete can select one decision, one member or one
/// service with a cookie mask:
/// <code>
/// bits 63..56  0xB1            tag: a load-balancer flow (the learning switch uses 0x4C53 in 63..48)
/// bits 55..40  service id      assigned per service name for the life of the process, from 1
/// bits 39..24  member id       assigned per member name within the service, from 1
/// bits 23..1   decision        sequence number of the assignment (wraps at 2^23, never 0)
/// bit  0       direction       0 = forward (client to virtual IP), 1 = reverse (member to client)
/// </code>
/// </summary>
public static class FlowCookie
{
    public const ulong Tag = 0xB1UL << 56;
    public const ulong TagMask = 0xFFUL << 56;
    public const ulong ServiceMask = TagMask | (0xFFFFUL << 40);
    public const ulong MemberMask = ServiceMask | (0xFFFFUL << 24);

    /// <summary>Both flows of one decision (direction bit ignored).</summary>
    public const ulong DecisionMask = ~1UL;

    public const uint MaxDecision = (1U << 23) - 1;

    public static ulong Create(int serviceId, int memberId, uint decision, bool reverse) =>
        Tag | ((ulong)(ushort)serviceId << 40) | ((ulong)(ushort)memberId << 24) | ((ulong)(decision & MaxDecision) << 1) | (reverse ? 1UL : 0UL);

    public static ulong ForService(int serviceId) => Tag | ((ulong)(ushort)serviceId << 40);

    public static ulong ForMember(int serviceId, int memberId) => ForService(serviceId) | ((ulong)(ushort)memberId << 24);

    public static bool IsBalancer(ulong cookie) => (cookie & TagMask) == Tag;

    public static int ServiceId(ulong cookie) => (int)((cookie >> 40) & 0xFFFF);

    public static int MemberId(ulong cookie) => (int)((cookie >> 24) & 0xFFFF);

    public static uint Decision(ulong cookie) => (uint)((cookie >> 1) & MaxDecision);

    public static bool IsReverse(ulong cookie) => (cookie & 1) != 0;
}
