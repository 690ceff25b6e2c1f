using System.Net;
using System.Net.Sockets;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.Controller;

/// <summary>
/// The poll loop reads and writes a switch's socket with <c>recv</c>/<c>send</c> on its descriptor (Epoll.Receive,
/// Epoll.Send), not through <see cref="Socket"/>: on a real loopback connection they must report what .NET would,
/// because the loop decides on these codes whether to wait, keep going or drop the switch, and a drop's reason is
/// shown to the admin.
/// </summary>
public sealed class EpollSocketCallTests
{
    [Fact]
    public async Task Receive_SaysWouldBlock_WhenNothingArrived_ThenReturnsWhatThePeerSent()
    {
        var (server, client) = await ConnectedPairAsync();
        using (server)
        using (client)
        {
            var buffer = new byte[64];
            Assert.Equal(0, Epoll.Receive((int)server.Handle, buffer, out var idle));
            Assert.Equal(SocketError.WouldBlock, idle);

            await client.SendAsync(new byte[] { 1, 2, 3 });
            var received = await EventuallyReceiveAsync(server, buffer);
            Assert.Equal(3, received);
            Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        }
    }

    [Fact]
    public async Task Send_DeliversTheBytes_AndSaysWouldBlock_OnceThePeerStopsReading()
    {
        var (server, client) = await ConnectedPairAsync();
        using (server)
        using (client)
        {
            Assert.Equal(5, Epoll.Send((int)server.Handle, new byte[] { 9, 8, 7, 6, 5 }, out var ok));
            Assert.Equal(SocketError.Success, ok);
            var got = new byte[5];
            Assert.Equal(5, await client.ReceiveAsync(got));
            Assert.Equal(new byte[] { 9, 8, 7, 6, 5 }, got);

            // The client never reads again: the kernel's buffers fill and the write is refused, not blocked.
            var chunk = new byte[64 * 1024];
            var error = SocketError.Success;
            for (var i = 0; i < 10_000 && error == SocketError.Success; i++)
            {
                Epoll.Send((int)server.Handle, chunk, out error);
            }

            Assert.Equal(SocketError.WouldBlock, error);
        }
    }

    [Fact]
    public async Task Receive_ReportsAReset_AsConnectionReset_AndAnOrderlyClose_AsZeroBytes()
    {
        var (server, client) = await ConnectedPairAsync();
        using (server)
        {
            // Closing with unread data makes the kernel reset the connection.
            client.LingerState = new LingerOption(true, 0);
            client.Close();
            var buffer = new byte[16];
            var error = SocketError.WouldBlock;
            for (var i = 0; i < 200 && error == SocketError.WouldBlock; i++)
            {
                Epoll.Receive((int)server.Handle, buffer, out error);
                await Task.Delay(10);
            }

            Assert.Equal(SocketError.ConnectionReset, error);
            Assert.Equal("Connection reset by peer", new SocketException((int)error).Message);
        }

        var (server2, client2) = await ConnectedPairAsync();
        using (server2)
        {
            client2.Shutdown(SocketShutdown.Both);
            client2.Close();
            var buffer = new byte[16];
            Assert.Equal(0, await EventuallyReceiveAsync(server2, buffer));
        }
    }

    [Theory]
    [InlineData(11, SocketError.WouldBlock)]
    [InlineData(32, SocketError.Shutdown)]
    [InlineData(104, SocketError.ConnectionReset)]
    [InlineData(110, SocketError.TimedOut)]
    [InlineData(5, SocketError.SocketError)]
    public void Errno_MapsToTheSocketErrorDotNetWouldReport(int errno, SocketError expected) =>
        Assert.Equal(expected, Epoll.ToSocketError(errno));

    private static async Task<(Socket Server, Socket Client)> ConnectedPairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await listener.AcceptAsync();
        server.Blocking = false;
        return (server, client);
    }

    private static async Task<int> EventuallyReceiveAsync(Socket server, byte[] buffer)
    {
        for (var i = 0; i < 200; i++)
        {
            var n = Epoll.Receive((int)server.Handle, buffer, out var error);
            if (error != SocketError.WouldBlock)
            {
                Assert.Equal(SocketError.Success, error);
                return n;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("nothing arrived within 2 s");
    }
}
