using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// The same isolation over HTTP: every route the console maps (read from its endpoint data source, so a new route
/// without a case fails) is either listed as holding no team data, with the reason, or has a case in which another
/// team's admin (or an agent) asks for Demo Shop's ids and gets none of Demo Shop's data, and nothing changes.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class RouteIsolationTests(IsolationWorld world)
{
    private const string SandboxPrefix = "/sandbox";

    /// <summary>Routes that hold no team's data, and why.</summary>
    private static readonly Dictionary<string, string> NoTeamData = new()
    {
        ["/healthz"] = "liveness and database reachability only",
        ["/culture"] = "sets the language cookie",
        ["/Account/Login"] = "sign-in form",
        ["/Account/AccessDenied"] = "static refusal page",
        ["/Account/Logout"] = "signs the caller out",
        ["/Error"] = "static error page",
        ["/not-found"] = "static not-found page",
        ["/webhooks/facebook"] = "Meta's handshake and deliveries: no caller, the verify token and the signature decide (WebhookEndpointTests)",
        ["/webhooks/facebook/deauthorize"] = "Meta's signed_request decides (FacebookDeauthorizeEndpointTests)",
        ["/_framework/opaque-redirect"] = "Blazor's redirect plumbing",
        ["/_blazor"] = "the circuit; the pages it renders are checked by their own routes",
        ["/_blazor/negotiate"] = "the circuit's handshake",
        ["/_blazor/disconnect/"] = "the circuit's handshake",
        ["/_blazor/initializers/"] = "the circuit's handshake",
        ["/{**path:file}"] = "static files",
    };

    public static IReadOnlyList<RouteCase> Cases { get; } =
    [
        new("/", "a signed-in team admin is sent on to the channels tab", async w =>
        {
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                using var response = await client.GetAsync("");
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldEndWith("channels/facebook");
            });
        }),
        new("/inbox", "another team's inbox lists none of Demo Shop's customers", async w =>
        {
            (await (await w.ClientAsync(DemoAccounts.Agent.Email)).GetStringAsync("inbox")).ShouldContain(IsolationWorld.DemoCustomerText, Case.Sensitive, "its own team sees it");
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () => await ShowsNoneOfAsync(w, client.GetAsync("inbox")));
        }),
        new("/inbox/{ConversationId:guid}", "another team's admin opening Demo Shop's conversation gets not found", async w =>
        {
            (await (await w.ClientAsync(DemoAccounts.Agent.Email)).GetStringAsync($"inbox/{w.DemoConversation}"))
                .ShouldContain(IsolationWorld.DemoFailedReplyText, Case.Sensitive, "its own team reads it");
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                var html = await ShowsNoneOfAsync(w, client.GetAsync($"inbox/{w.DemoConversation}"));
                html.ShouldContain("data-testid=\"conversation-missing\"");
            });
        }),
        new("/channels", "is sent on to the Facebook tab", async w =>
        {
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                using var response = await client.GetAsync("channels");
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldEndWith("channels/facebook");
            });
        }),
        new("/channels/{Channel}", "another team's Facebook tab shows none of Demo Shop's pages", async w =>
        {
            (await (await w.ClientAsync(DemoAccounts.Agent.Email)).GetStringAsync("channels/facebook")).ShouldContain(w.DemoMarkers[0], Case.Sensitive, "its own team sees them");
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () => await ShowsNoneOfAsync(w, client.GetAsync("channels/facebook")));
        }),
        new("/channels/facebook/connections/{ConnectionId:guid}", "another team's admin opening Demo Shop's connection gets not found", async w =>
        {
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                (await ShowsNoneOfAsync(w, client.GetAsync($"channels/facebook/connections/{w.DemoFailingConnection}"))).ShouldContain("data-testid=\"detail-not-found\"");
                (await ShowsNoneOfAsync(w, client.GetAsync($"channels/facebook/connections/{w.DemoGoneConnection}"))).ShouldContain("data-testid=\"detail-not-found\"");
            });
        }),
        new("/settings/team", "another team's settings name only their own team", async w =>
        {
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                var html = await ShowsNoneOfAsync(w, client.GetAsync("settings/team"));
                html.ShouldContain(DemoAccounts.OtherShop);
                html.ShouldNotContain(DemoAccounts.DemoShop + "<");
            });
        }),
        new("/support/integrations", "a team admin is refused", RefusedToTeamAdmin("support/integrations")),
        new("/support/integrations/{ConnectionId:guid}", "a team admin is refused, even for another team's id", async w =>
            await RefusedToTeamAdmin($"support/integrations/{w.DemoFailingConnection}")(w)),
        new("/support/integrations/export.csv", "a team admin is refused, even filtered to another team", async w =>
            await RefusedToTeamAdmin($"support/integrations/export.csv?team={w.DemoTeamId}")(w)),
        new("/support/webhooks/parked", "a team admin is refused", RefusedToTeamAdmin("support/webhooks/parked")),
        new("/support/meta-app", "a team admin is refused the Meta app's settings", RefusedToTeamAdmin("support/meta-app")),
        new("/support/webhooks/parked/{PageId}", "a team admin is refused for Demo Shop's page", RefusedToTeamAdmin($"support/webhooks/parked/{IsolationWorld.DemoGonePage}")),
        new("/facebook/oauth/start", "another team's admin cannot start reauthorizing Demo Shop's connection; an agent cannot start at all", async w =>
        {
            var other = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            var agent = await w.ClientAsync(DemoAccounts.Agent.Email);
            await w.ChangesNothingAsync(async () =>
            {
                // The service refuses (a Forbid), which the cookie scheme turns into the access-denied page.
                using var byOther = await other.GetAsync($"facebook/oauth/start?purpose=Reauthorize&connectionId={w.DemoLiveConnection}");
                byOther.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                byOther.Headers.Location!.ToString().ShouldContain("AccessDenied");
                using var byAgent = await agent.GetAsync("facebook/oauth/start?purpose=Connect");
                byAgent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                byAgent.Headers.Location!.ToString().ShouldContain("AccessDenied");
            });
        }),
        new("/facebook/oauth/callback", "another team's admin bringing back Demo Shop's state stores nothing", async w =>
        {
            var dialog = await w.Consent.BeginAsync(w.DemoAdmin, OAuthPurpose.Connect);
            var callback = await w.Consent.AuthorizeAsync(dialog, DemoWorld.DanaId, "all");
            var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
            await w.ChangesNothingAsync(async () =>
            {
                var html = await ShowsNoneOfAsync(w, client.GetAsync($"facebook/oauth/callback?code={Uri.EscapeDataString(callback.Code!)}&state={Uri.EscapeDataString(callback.State!)}"));
                html.ShouldContain($"data-outcome=\"{ConsentOutcomeKind.InvalidState}\"");
            });
        }),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.ToString()));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Route_OtherTeamsIds_ShowNothingAndChangeNothing(string name) => Cases.Single(c => c.ToString() == name).Run(world);

    [Fact]
    public void EveryRoute_HasACaseOrSaysWhyItHoldsNoTeamData()
    {
        var routes = Routes();

        var missing = routes.Where(r => !NoTeamData.ContainsKey(r) && !r.StartsWith(SandboxPrefix, StringComparison.Ordinal) && Cases.All(c => c.Pattern != r)).ToList();
        var stale = Cases.Select(c => c.Pattern).Concat(NoTeamData.Keys).Where(p => !routes.Contains(p)).ToList();

        missing.ShouldBeEmpty($"routes without an isolation case in RouteIsolationTests:\n{string.Join('\n', missing)}");
        stale.ShouldBeEmpty("cases for routes the console no longer maps");
        routes.ShouldContain("/inbox/{ConversationId:guid}", "the scan reads the pages too");
    }

    /// <summary>Every route pattern the running console maps, static assets aside.</summary>
    private HashSet<string> Routes() =>
        world.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();

    /// <summary>A 200 page whose HTML holds none of Demo Shop's page names and texts; returns the HTML.</summary>
    private static async Task<string> ShowsNoneOfAsync(IsolationWorld w, Task<HttpResponseMessage> request)
    {
        using (var response = await request)
        {
            var body = await response.Content.ReadAsStringAsync();
            foreach (var marker in w.DemoMarkers)
            {
                body.ShouldNotContain(marker, Case.Sensitive, $"{response.RequestMessage!.RequestUri} shows Demo Shop's \"{marker}\"");
            }
            body.ShouldNotContain(w.DemoConversation.ToString());
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return body;
        }
    }

    private static Func<IsolationWorld, Task> RefusedToTeamAdmin(string path) => async w =>
    {
        var client = await w.ClientAsync(DemoAccounts.OtherAdmin.Email);
        await w.ChangesNothingAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("AccessDenied");
            var body = await response.Content.ReadAsStringAsync();
            w.DemoMarkers.ShouldAllBe(m => !body.Contains(m));
        });
    };
}
