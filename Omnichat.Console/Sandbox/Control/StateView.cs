using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.Graph;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>The world in the shape design.md fixes for <c>GET /sandbox/api/state</c> (fields may be added, none renamed).</summary>
public static class StateView
{
    public static JsonObject Render(WorldState state, DateTimeOffset now, SandboxUrls urls, IReadOnlyDictionary<string, ConversationsUsage> conversationsApi)
    {
        var users = new JsonArray();
        foreach (var user in state.Users)
        {
            users.Add(new JsonObject
            {
                ["id"] = user.Id,
                ["name"] = user.Name,
                ["tokenState"] = JsonNamingPolicy.CamelCase.ConvertName(user.TokenState.ToString()),
                ["sessionGeneration"] = user.SessionGeneration,
            });
        }

        var pages = new JsonArray();
        foreach (var page in state.Pages)
        {
            var roles = new JsonObject();
            foreach (var (userId, tasks) in page.Roles)
            {
                roles[userId] = Strings(tasks);
            }
            var fields = new JsonObject();
            foreach (var (appId, subscribed) in page.SubscribedApps)
            {
                fields[appId] = Strings(subscribed);
            }
            pages.Add(new JsonObject
            {
                ["id"] = page.Id,
                ["name"] = page.Name,
                ["category"] = page.Category,
                ["businessId"] = page.BusinessId,
                ["roles"] = roles,
                ["receiverAppId"] = page.ReceiverAppId,
                ["subscribedApps"] = Strings(page.SubscribedApps.Keys),
                ["subscribedFields"] = fields,
                ["messagingRestricted"] = page.MessagingRestricted,
                // Since when webhooks to the console have failed (null while they arrive): Meta drops the subscription after an hour.
                ["webhookFailingSince"] = page.WebhookFailingSince,
                ["customers"] = JsonSerializer.SerializeToNode(page.Customers.Values, WorldFile.JsonOptions),
                ["highVolume"] = page.HighVolume,
                // Every thread with its messages, webhook delivered or not (what the Conversations API reads).
                ["conversations"] = JsonSerializer.SerializeToNode(page.Conversations, WorldFile.JsonOptions),
            });
        }

        var grants = new JsonArray();
        foreach (var grant in state.Grants.Values)
        {
            grants.Add(new JsonObject
            {
                ["userId"] = grant.UserId,
                ["granted"] = Strings(grant.Granted),
                ["declined"] = Strings(grant.Declined),
                ["pages"] = grant.AllPages ? "all" : Strings(grant.PageIds),
                ["businesses"] = grant.AllBusinesses ? "all" : Strings(grant.BusinessIds),
                ["grantedAt"] = grant.GrantedAt,
            });
        }

        return new JsonObject
        {
            ["app"] = new JsonObject
            {
                ["id"] = state.AppId,
                ["name"] = state.AppName,
                ["webhookUrl"] = urls.WebhookUrl,
                ["deauthorizeUrl"] = urls.DeauthorizeUrl,
            },
            ["users"] = users,
            ["pages"] = pages,
            ["businesses"] = JsonSerializer.SerializeToNode(state.Businesses, WorldFile.JsonOptions),
            ["otherApps"] = JsonSerializer.SerializeToNode(state.OtherApps, WorldFile.JsonOptions),
            ["grants"] = grants,
            ["faults"] = JsonSerializer.SerializeToNode(state.Faults, WorldFile.JsonOptions),
            ["clock"] = new JsonObject { ["now"] = now, ["offsetSeconds"] = state.ClockOffsetSeconds },
            ["issuedTokenCount"] = state.Tokens.Count,
            ["appLive"] = state.AppLive,
            ["webhookDeliveries"] = JsonSerializer.SerializeToNode(state.WebhookDeliveries, WorldFile.JsonOptions),
            ["sentMessages"] = JsonSerializer.SerializeToNode(state.SentMessages, WorldFile.JsonOptions),
            ["deauthorizeCallbacks"] = JsonSerializer.SerializeToNode(state.DeauthorizeCallbacks, WorldFile.JsonOptions),
            // Per page: Conversations API calls, those refused with 80006 (over 2 per second), and the most within one second.
            ["conversationsApi"] = JsonSerializer.SerializeToNode(conversationsApi, WorldFile.JsonOptions),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
