using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Tests.Health;

/// <summary>What one page's debug_token and subscribed_apps answers tell the team: the status the check gives the page.</summary>
public sealed class PageVerdictRulesTests
{
    private const string AppId = "our-app";
    private const string PageId = "104500000000001";
    private static readonly string[] BothScopes = [RequiredScopes.PagesMessaging, RequiredScopes.PagesManageMetadata];

    private static TokenDebugInfo Token(bool valid = true, IReadOnlyList<string>? scopes = null, IReadOnlyList<GranularScope>? granular = null,
        GraphError? error = null) =>
        new(AppId, "PAGE", valid, null, null, PageId, null, scopes ?? BothScopes, granular ?? [], error);

    private static PageVerdict Decide(TokenDebugInfo token, params string[] subscribedAppIds) =>
        PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Success(token),
            GraphResult<IReadOnlyList<SubscribedApp>>.Success(subscribedAppIds.Select(id => new SubscribedApp(id, null, MessengerWebhookFields.Required)).ToList())), AppId);

    private static PageVerdict DecideFields(params string[] ourFields) =>
        PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Success(Token()),
            GraphResult<IReadOnlyList<SubscribedApp>>.Success([new SubscribedApp(AppId, null, ourFields)])), AppId);

    [Fact]
    public void Decide_OurAppLacksMessagingFields_NeedsResubscribeNamingThem()
    {
        var verdict = DecideFields("messages", "message_echoes");

        verdict.NeedsResubscribe.ShouldBeTrue();
        verdict.MissingFields.ShouldBe(MessengerWebhookFields.Required.Except(["messages", "message_echoes"]));
    }

    [Fact]
    public void Decide_OurAppHasEveryFieldAndMore_Passes() =>
        DecideFields([.. MessengerWebhookFields.Required, "feed"]).Outcome.ShouldBe(CheckOutcome.Passed);

    [Fact]
    public void Decide_OnlyAnotherAppHasTheFields_IsNotOurs() =>
        Decide(Token(), "another-app").NeedsResubscribe.ShouldBeTrue();

    [Fact]
    public void Decide_AnotherAppHasEveryFieldButOursLacksMessages_RepairsOurs()
    {
        // subscribed_apps may list other apps of the page: only our app's fields are what Meta delivers to us.
        var verdict = PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Success(Token()),
            GraphResult<IReadOnlyList<SubscribedApp>>.Success([
                new SubscribedApp("another-app", null, MessengerWebhookFields.Required),
                new SubscribedApp(AppId, null, [.. MessengerWebhookFields.Required.Where(f => f != "messages")]),
            ])), AppId);

        (verdict.NeedsResubscribe, verdict.Status).ShouldBe((true, ConnectionStatus.WebhookNotSubscribed));
        verdict.MissingFields.ShouldBe(["messages"]);
    }

    [Fact]
    public void Decide_ValidTokenWithBothScopesAndOurAppSubscribed_Passes() =>
        Decide(Token(), "another-app", AppId).Outcome.ShouldBe(CheckOutcome.Passed);

    [Fact]
    public void Decide_DebugTokenSaysNotValid_NeedsReauthorization()
    {
        var verdict = Decide(Token(valid: false), AppId);

        (verdict.Outcome, verdict.Status, verdict.Cause).ShouldBe((CheckOutcome.Failed, ConnectionStatus.NeedsReauthorization, FailureCause.TokenInvalid));
        verdict.Detail.ShouldBe("debug_token: is_valid false");
    }

    [Theory]
    [InlineData(RequiredScopes.PagesMessaging)]
    [InlineData(RequiredScopes.PagesManageMetadata)]
    public void Decide_RequiredScopeTakenBack_IsMissingPermission_NamingTheScope(string scope)
    {
        var verdict = Decide(Token(scopes: BothScopes.Where(s => s != scope).ToList()), AppId);

        (verdict.Status, verdict.Cause).ShouldBe((ConnectionStatus.MissingPermission, FailureCause.PermissionMissing));
        verdict.Detail.ShouldBe($"{scope} is not granted");
    }

    [Theory]
    [InlineData(RequiredScopes.PagesMessaging)]
    [InlineData(RequiredScopes.PagesManageMetadata)]
    public void Decide_ScopeGrantedForOtherPagesOnly_IsPageNotGranted_NamingTheScope(string scope)
    {
        var verdict = Decide(Token(granular: [new GranularScope(scope, ["104500000000099"])]), AppId);

        (verdict.Status, verdict.Cause).ShouldBe((ConnectionStatus.MissingPermission, FailureCause.PageNotGranted));
        verdict.Detail.ShouldBe($"{scope} no longer covers the page");
    }

    [Fact]
    public void Decide_ScopesGrantedForThisPage_Passes() =>
        Decide(Token(granular: BothScopes.Select(s => new GranularScope(s, ["104500000000099", PageId])).ToList()), AppId)
            .Outcome.ShouldBe(CheckOutcome.Passed);

    [Fact]
    public void Decide_DebugTokenReportsAnErrorThatDecidesNothing_IsInconclusive_NotReauthorization()
    {
        // Facebook's own hiccup inside debug_token's answer must not tell the admin to sign in again.
        var verdict = Decide(Token(valid: false, error: new GraphError(2, null, "Service temporarily unavailable", IsTransient: true)), AppId);

        verdict.Outcome.ShouldBe(CheckOutcome.Inconclusive);
    }

    [Fact]
    public void Decide_DebugTokenReportsATokenError_NeedsReauthorization() =>
        Decide(Token(valid: false, error: new GraphError(190, null, "Error validating access token")), AppId)
            .Status.ShouldBe(ConnectionStatus.NeedsReauthorization);

    [Fact]
    public void Decide_OurAppMissingFromSubscribedApps_IsWebhookNotSubscribed_AndResubscribes()
    {
        var verdict = Decide(Token(), "another-app");

        (verdict.Status, verdict.Cause, verdict.NeedsResubscribe).ShouldBe((ConnectionStatus.WebhookNotSubscribed, FailureCause.WebhookNotSubscribed, true));
        // Support reads this line on the connection's detail page: it says which of the two calls failed.
        verdict.Detail.ShouldBe(HistoryNote.WebhookMissing);
    }

    [Fact]
    public void Decide_OnlyTheTokenAnswerMissingFromTheBatch_IsInconclusive_NotAFailure()
    {
        var verdict = PageVerdictRules.Decide(new PageHealthAnswer(PageId, null,
            GraphResult<IReadOnlyList<SubscribedApp>>.Success([new SubscribedApp(AppId, null, ["messages"])])), AppId);

        (verdict.Outcome, verdict.Reason).ShouldBe((CheckOutcome.Inconclusive, InconclusiveReason.MissingBatchItem));
    }

    [Fact]
    public void Decide_OnlyTheSubscriptionAnswerMissingFromTheBatch_IsInconclusive_NotAFailure()
    {
        // A broken token would fail the page if the token's answer alone were read; the half-answered batch decides nothing.
        var verdict = PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Success(Token(valid: false)), null), AppId);

        (verdict.Outcome, verdict.Reason).ShouldBe((CheckOutcome.Inconclusive, InconclusiveReason.MissingBatchItem));
    }

    [Fact]
    public void Decide_DebugTokenCallItselfRejectsTheToken_NeedsReauthorization_EvenWithOurAppSubscribed()
    {
        var rejected = new GraphError(190, 460, "Error validating access token: The session has been invalidated because the user changed their password.");

        var verdict = PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Failure(rejected),
            GraphResult<IReadOnlyList<SubscribedApp>>.Success([new SubscribedApp(AppId, null, ["messages"])])), AppId);

        (verdict.Outcome, verdict.Status, verdict.Error).ShouldBe((CheckOutcome.Failed, ConnectionStatus.NeedsReauthorization, rejected));
    }

    [Fact]
    public void Decide_SubscribedAppsCallRefusedForPermission_IsMissingPermission_NotHealthy()
    {
        var refusal = new GraphError(200, null, "(#200) Requires pages_manage_metadata permission to manage the object");

        var verdict = PageVerdictRules.Decide(new PageHealthAnswer(PageId, GraphResult<TokenDebugInfo>.Success(Token()),
            GraphResult<IReadOnlyList<SubscribedApp>>.Failure(refusal)), AppId);

        (verdict.Outcome, verdict.Status, verdict.Error).ShouldBe((CheckOutcome.Failed, ConnectionStatus.MissingPermission, refusal));
    }

    [Fact]
    public void Decide_TokenAndSubscriptionBothBroken_TheTokenIsWhatTheTeamIsTold() =>
        Decide(Token(valid: false)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
}
