using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

public class OpenFlowTlsTests
{
    [Fact]
    public async Task TlsListener_WithPkcs12Certificate_HandshakesSwitchOverTls()
    {
        var path = Path.Combine(Path.GetTempPath(), $"of-tls-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=sdn-controller-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        try
        {
            var app = new TestLearningSwitch();
            await using var harness = await ControllerHarness.StartAsync(new ControllerOptions { TlsCertificatePath = path, TlsCertificatePassword = "pw" }, app);
            await using var sw = await FakeSwitch.ConnectAsync(harness.Endpoint, 0x7157, OfVersion.V13, async client =>
            {
                var tls = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
                await tls.AuthenticateAsClientAsync("sdn-controller-test");
                return tls;
            });
            var flowMod = await sw.ExpectAsync<FlowModMessage>();
            Assert.Equal((ushort)0, flowMod.Priority);
            Assert.IsType<SwitchConnected>(Assert.Single(app.Events));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
