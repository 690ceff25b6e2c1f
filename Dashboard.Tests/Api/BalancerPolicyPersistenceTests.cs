using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Api;

/// <summary>
/// A policy edit through <c>PUT balancer/services/{name}</c> (weights, affinity mode and timeout, a member
/// removed and one added) takes effect at once, is audited with who, and is still the policy after a restart.
/// </summary>
public sealed class BalancerPolicyPersistenceTests
{
    [Fact]
    public async Task AdminEdit_OfWeightsAffinityAndMembers_AppliesAtOnce_IsAudited_AndSurvivesARestart()
    {
        var data = Directory.CreateTempSubdirectory("sdn-policy-");
        try
        {
            var settings = RedisDashboardFixture.Tokens();
            settings["Storage:DatabasePath"] = Path.Combine(data.FullName, "policy.db");
            JsonNode edited;
            await using (var first = await DashboardProcess.StartAsync(settings))
            {
                using var admin = Client(first, RedisDashboardFixture.AdminToken);
                edited = JsonNode.Parse((await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services"))[0].GetProperty("definition").GetRawText())!;
                var members = edited["members"]!.AsArray();
                members.RemoveAt(members.Count - 1);
                members[0]!["weight"] = 3;
                members.Add(new JsonObject { ["name"] = "web-9", ["mac"] = "52:54:00:00:09:09", ["ip"] = "10.0.0.99", ["weight"] = 1 });
                edited["affinity"] = new JsonObject { ["mode"] = "SourceIp", ["idleTimeoutSeconds"] = 60 };

                using var put = await admin.PutAsync("api/v1/balancer/services/web", new StringContent(edited.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

                AssertIsTheEdit(await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services"));
                var audit = (await admin.GetFromJsonAsync<JsonElement>("api/v1/events?category=audit"))[0];
                Assert.Equal("balancer.service.updated", audit.GetProperty("kind").GetString());
                Assert.Equal("token:root", audit.GetProperty("user").GetString());
                Assert.Equal("web", audit.GetProperty("source").GetString());
            }

            await using var second = await DashboardProcess.StartAsync(settings);
            using var viewer = Client(second, RedisDashboardFixture.ViewerToken);
            AssertIsTheEdit(await viewer.GetFromJsonAsync<JsonElement>("api/v1/balancer/services"));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static void AssertIsTheEdit(JsonElement services)
    {
        var definition = Assert.Single(services.EnumerateArray()).GetProperty("definition");
        var members = definition.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["web-1", "web-2", "web-3", "web-9"], members.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(3, members[0].GetProperty("weight").GetInt32());
        Assert.Equal("SourceIp", definition.GetProperty("affinity").GetProperty("mode").GetString());
        Assert.Equal(60, definition.GetProperty("affinity").GetProperty("idleTimeoutSeconds").GetInt32());
    }

    private static HttpClient Client(DashboardProcess app, string token)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
