using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;

namespace Omnichat.Tests.Isolation;

/// <summary>Connections, consent and the channel tab: another team, an agent and support staff change and see nothing of Demo Shop's.</summary>
internal static class ChannelIsolationCases
{
    // Stands for the redirect URI in the expressions that name a method; never evaluated.
    private const string AnyUri = "";

    public static IEnumerable<IsolationCase> All =>
    [
        IsolationCase.For<ChannelOverviewService>(s => s.GetAsync(default!, default), "another team sees only its own grant, pages and connections", async w =>
        {
            FacebookChannelOverview overview = default!;
            await w.ChangesNothingAsync(async () => overview = await w.Service<ChannelOverviewService>().GetAsync(w.OtherAdmin, default));
            overview.FacebookUserNames.ShouldBe(["Sam Lin"]);
            overview.Connections.Select(c => c.Id).ShouldBe([w.OtherLiveConnection]);
            overview.AuthorizedPages.ShouldNotContain(p => p.PageId == IsolationWorld.DemoSparePage);
            (await w.Service<ChannelOverviewService>().GetAsync(w.DemoAgent, default)).Connections.Count.ShouldBe(2, "the agent reads its own team");
        }),
        IsolationCase.For<ChannelOverviewService>(s => s.GetAsync(default!, default), "support staff have no team tab", async w =>
        {
            var overview = await w.Service<ChannelOverviewService>().GetAsync(w.Support, default);
            overview.HasGrant.ShouldBeFalse();
            overview.AuthorizedPages.ShouldBeEmpty();
            overview.Connections.ShouldBeEmpty();
        }),
        IsolationCase.For<ChannelOverviewService>(s => s.GetFailingAsync(default!, default), "another team's banner lists none of Demo Shop's failures", async w =>
        {
            (await w.Service<ChannelOverviewService>().GetFailingAsync(w.DemoAdmin, default)).Select(f => f.Id).ShouldBe([w.DemoFailingConnection]);
            (await w.Service<ChannelOverviewService>().GetFailingAsync(w.OtherAdmin, default)).ShouldBeEmpty();
            (await w.Service<ChannelOverviewService>().GetFailingAsync(w.Support, default)).ShouldBeEmpty();
        }),

        IsolationCase.For<ChannelOverviewService>(s => s.GetEndedAuthorizationsAsync(default!, default), "another team's yellow notice names none of Demo Shop's people", async w =>
        {
            // A Demo Shop member whose authorization of the live page ended while Dana's runs it; removed again afterwards.
            await using var db = await w.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
            var grant = new FacebookGrant { TeamId = w.DemoTeamId, FacebookUserId = DemoWorld.KevinId, FacebookUserName = "Kevin Wu", ProtectedUserToken = "x" };
            db.FacebookGrants.Add(grant);
            db.AuthorizedPages.Add(new AuthorizedPage
            {
                GrantId = grant.Id, TeamId = w.DemoTeamId, PageId = IsolationWorld.DemoLivePage, Name = "Demo Shop 台北店", Tasks = "MANAGE",
                IsGranted = true, ProtectedPageToken = "x", InvalidSince = DateTimeOffset.UnixEpoch, InvalidCause = FailureCause.PasswordChangedOrSecurityReset,
            });
            await db.SaveChangesAsync();
            try
            {
                (await w.Service<ChannelOverviewService>().GetEndedAuthorizationsAsync(w.DemoAdmin, default)).Select(e => e.PersonName).ShouldBe(["Kevin Wu"]);
                (await w.Service<ChannelOverviewService>().GetEndedAuthorizationsAsync(w.OtherAdmin, default)).ShouldBeEmpty();
                (await w.Service<ChannelOverviewService>().GetEndedAuthorizationsAsync(w.Support, default)).ShouldBeEmpty();
            }
            finally
            {
                await db.AuthorizedPages.Where(p => p.GrantId == grant.Id).ExecuteDeleteAsync();
                await db.FacebookGrants.Where(g => g.Id == grant.Id).ExecuteDeleteAsync();
            }
        }),

        IsolationCase.For<ConnectionService>(s => s.ConnectAsync(default!, default!, default, default), "another team cannot connect a page only Demo Shop's grant holds", async w =>
        {
            IReadOnlyList<ConnectPageResult> results = default!;
            await w.ChangesNothingAsync(async () => results = await w.Consent.ConnectAsync(w.OtherAdmin, IsolationWorld.DemoSparePage));
            results.Single().Failure.ShouldBe(ConnectFailure.NotInGrant);
            (await w.Messenger.Sandbox.SubscribedAppsAsync(IsolationWorld.DemoSparePage)).ShouldBeEmpty();
        }),
        IsolationCase.For<ConnectionService>(s => s.ConnectAsync(default!, default!, default, default), "another team cannot take a page Demo Shop has connected", async w =>
        {
            IReadOnlyList<ConnectPageResult> results = default!;
            await w.ChangesNothingAsync(async () => results = await w.Consent.ConnectAsync(w.OtherAdmin, IsolationWorld.DemoLivePage));
            results.Single().Failure.ShouldBe(ConnectFailure.ConnectedByAnotherTeam);
        }),
        IsolationCase.For<ConnectionService>(s => s.ConnectAsync(default!, default!, default, default), "an agent and support staff connect nothing", async w =>
        {
            IReadOnlyList<ConnectPageResult> byAgent = default!, bySupport = default!;
            await w.ChangesNothingAsync(async () =>
            {
                byAgent = await w.Consent.ConnectAsync(w.DemoAgent, IsolationWorld.DemoSparePage);
                bySupport = await w.Consent.ConnectAsync(w.Support, IsolationWorld.DemoSparePage);
            });
            byAgent.Single().Failure.ShouldBe(ConnectFailure.NotTeamAdmin);
            bySupport.Single().Failure.ShouldBe(ConnectFailure.NotTeamAdmin);
            (await w.Messenger.Sandbox.SubscribedAppsAsync(IsolationWorld.DemoSparePage)).ShouldBeEmpty();
        }),

        IsolationCase.For<ConnectionService>(s => s.DisconnectAsync(default!, default, default), "another team's admin gets not found and the page stays subscribed", async w =>
        {
            DisconnectOutcome outcome = default;
            await w.ChangesNothingAsync(async () => outcome = await w.Consent.DisconnectAsync(w.OtherAdmin, w.DemoLiveConnection));
            outcome.ShouldBe(DisconnectOutcome.NotFound);
            (await w.Messenger.Sandbox.SubscribedAppsAsync(IsolationWorld.DemoLivePage)).ShouldNotBeEmpty();
        }),
        IsolationCase.For<ConnectionService>(s => s.DisconnectAsync(default!, default, default), "an agent and support staff disconnect nothing", async w =>
        {
            DisconnectOutcome byAgent = default, bySupport = default;
            await w.ChangesNothingAsync(async () =>
            {
                byAgent = await w.Consent.DisconnectAsync(w.DemoAgent, w.DemoLiveConnection);
                bySupport = await w.Consent.DisconnectAsync(w.Support, w.DemoLiveConnection);
            });
            byAgent.ShouldBe(DisconnectOutcome.NotTeamAdmin);
            bySupport.ShouldBe(DisconnectOutcome.NotTeamAdmin);
            (await w.Messenger.Sandbox.SubscribedAppsAsync(IsolationWorld.DemoLivePage)).ShouldNotBeEmpty();
        }),

        IsolationCase.For<ConsentService>(s => s.BeginAsync(default!, default, default, AnyUri, default), "another team cannot reauthorize Demo Shop's connection", async w =>
        {
            Uri? dialog = new("http://unset");
            await w.ChangesNothingAsync(async () => dialog = await w.Service<ConsentService>()
                .BeginAsync(w.OtherAdmin, OAuthPurpose.Reauthorize, w.DemoLiveConnection, w.Consent.RedirectUri, default));
            dialog.ShouldBeNull();
        }),
        IsolationCase.For<ConsentService>(s => s.BeginAsync(default!, default, default, AnyUri, default), "an agent and support staff open no dialog", async w =>
        {
            Uri? byAgent = new("http://unset"), bySupport = new("http://unset");
            await w.ChangesNothingAsync(async () =>
            {
                byAgent = await w.Service<ConsentService>().BeginAsync(w.DemoAgent, OAuthPurpose.Connect, null, w.Consent.RedirectUri, default);
                bySupport = await w.Service<ConsentService>().BeginAsync(w.Support, OAuthPurpose.Connect, null, w.Consent.RedirectUri, default);
            });
            byAgent.ShouldBeNull();
            bySupport.ShouldBeNull();
        }),

        IsolationCase.For<ConsentService>(s => s.CompleteAsync(default!, default!, default), "another team's admin cannot finish Demo Shop's dialog", async w =>
        {
            var callback = await DanaConsentedAsync(w);
            ConsentOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Consent.CompleteAsync(w.OtherAdmin, callback));
            outcome.Kind.ShouldBe(ConsentOutcomeKind.InvalidState);
        }),
        IsolationCase.For<ConsentService>(s => s.CompleteAsync(default!, default!, default), "support staff cannot finish Demo Shop's dialog", async w =>
        {
            var callback = await DanaConsentedAsync(w);
            ConsentOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Consent.CompleteAsync(w.Support, callback));
            outcome.Kind.ShouldBe(ConsentOutcomeKind.InvalidState);
        }),
        IsolationCase.For<ConsentService>(s => s.CompleteAsync(default!, default!, default), "an agent with a state of their own stores no grant", async w =>
        {
            // The store issues states to any team member; only the service decides who may consent.
            var state = await w.Service<OAuthStateStore>().IssueAsync(w.DemoAgent, OAuthPurpose.Connect, null, w.Consent.RedirectUri, default);
            var callback = await ConsentedAsync(w, DemoWorld.DanaId, state);
            ConsentOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Consent.CompleteAsync(w.DemoAgent, callback), "OAuthStates");
            outcome.Kind.ShouldBe(ConsentOutcomeKind.NotTeamAdmin);
        }),

        IsolationCase.For<OAuthStateStore>(s => s.IssueAsync(default!, default, default, AnyUri, default), "support staff get no state", async w =>
        {
            await w.ChangesNothingAsync(() => Should.ThrowAsync<InvalidOperationException>(
                () => w.Service<OAuthStateStore>().IssueAsync(w.Support, OAuthPurpose.Connect, null, w.Consent.RedirectUri, default)));
        }),
        IsolationCase.For<OAuthStateStore>(s => s.IssueAsync(default!, default, default, AnyUri, default), "a state naming another team's connection reauthorizes nothing", async w =>
        {
            var state = await w.Service<OAuthStateStore>().IssueAsync(w.OtherAdmin, OAuthPurpose.Reauthorize, w.DemoLiveConnection, w.Consent.RedirectUri, default);
            var callback = await ConsentedAsync(w, DemoWorld.SamId, state);
            ConsentOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Consent.CompleteAsync(w.OtherAdmin, callback), "OAuthStates");
            outcome.Kind.ShouldBe(ConsentOutcomeKind.InvalidState);
        }),

        IsolationCase.For<OAuthStateStore>(s => s.ConsumeAsync(default, default!, default), "another team's admin cannot use up Demo Shop's state", async w =>
        {
            var state = await w.Service<OAuthStateStore>().IssueAsync(w.DemoAdmin, OAuthPurpose.Connect, null, w.Consent.RedirectUri, default);
            OAuthStateCheck check = default;
            await w.ChangesNothingAsync(async () => (check, _) = await w.Service<OAuthStateStore>().ConsumeAsync(state, w.OtherAdmin, default));
            check.ShouldBe(OAuthStateCheck.OtherUser);
            (await w.Service<OAuthStateStore>().ConsumeAsync(state, w.DemoAdmin, default)).Check.ShouldBe(OAuthStateCheck.Valid, "it still works for its owner");
        }),
    ];

    /// <summary>Demo Shop's admin opened the dialog and Dana finished it: the callback a browser would bring back.</summary>
    private static async Task<ConsentCallback> DanaConsentedAsync(IsolationWorld w)
    {
        var dialog = await w.Consent.BeginAsync(w.DemoAdmin, OAuthPurpose.Connect);
        return await w.Consent.AuthorizeAsync(dialog, DemoWorld.DanaId, "all");
    }

    private static async Task<ConsentCallback> ConsentedAsync(IsolationWorld w, string facebookUserId, string state)
    {
        var dialog = new Dictionary<string, string> { ["client_id"] = w.Messenger.AppId, ["redirect_uri"] = w.Consent.RedirectUri, ["state"] = state };
        return await w.Consent.AuthorizeAsync(dialog, facebookUserId, "all");
    }
}
