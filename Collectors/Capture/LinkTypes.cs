namespace SdnDashboard.Collectors.Capture;

/// <summary>The LINKTYPE_ values (tcpdump.org) the UDP extractor understands.</summary>
public static class LinkTypes
{
    public const int Null = 0;
    public const int Ethernet = 1;
    public const int Raw = 101;
    public const int LinuxSll = 113;
    public const int IPv4 = 228;
    public const int IPv6 = 229;
    public const int LinuxSll2 = 276;
}
