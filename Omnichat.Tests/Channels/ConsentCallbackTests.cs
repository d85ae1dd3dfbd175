using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>Every bad return from the consent dialog gets its own answer and stores nothing.</summary>
public sealed class ConsentCallbackTests : FlowTest
{

    private async Task<int> GrantCountAsync()
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.FacebookGrants.CountAsync();
    }

    [Fact]
    public async Task Complete_DialogCancelled_SaysCancelledAndStoresNothing()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Connect);

        var outcome = await Driver.CompleteAsync(admin, new ConsentCallback(null, dialog["state"], "access_denied", "user_denied"));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Cancelled);
        (await GrantCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(null, ConsentOutcomeKind.MissingState)]
    [InlineData("", ConsentOutcomeKind.MissingState)]
    [InlineData("made-up-state", ConsentOutcomeKind.InvalidState)]
    public async Task Complete_MissingOrForeignState_RefusesAndStoresNothing(string? state, ConsentOutcomeKind expected)
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Connect);
        var callback = await Driver.AuthorizeAsync(dialog, DemoWorld.DanaId, "all");

        var outcome = await Driver.CompleteAsync(admin, callback with { State = state });

        outcome.Kind.ShouldBe(expected);
        (await GrantCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Complete_StateOpenedByAnotherUser_IsRefused()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var otherAdmin = await Driver.CallerAsync("admin@other.local");
        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Connect);
        var callback = await Driver.AuthorizeAsync(dialog, DemoWorld.DanaId, "all");

        var outcome = await Driver.CompleteAsync(otherAdmin, callback);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.InvalidState);
        (await GrantCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Complete_SameCallbackTwice_SecondIsRecognisedAsReused()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Connect);
        var callback = await Driver.AuthorizeAsync(dialog, DemoWorld.DanaId, "all");

        (await Driver.CompleteAsync(admin, callback)).Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        var second = await Driver.CompleteAsync(admin, callback);

        second.Kind.ShouldBe(ConsentOutcomeKind.StateReused);
        (await GrantCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Complete_CodeAlreadyExchanged_ReportsCodeReusedFromFacebook()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var first = await Driver.AuthorizeAsync(await Driver.BeginAsync(admin, OAuthPurpose.Connect), DemoWorld.DanaId, "all");
        await Driver.CompleteAsync(admin, first);
        var fresh = await Driver.BeginAsync(admin, OAuthPurpose.Connect);

        var outcome = await Driver.CompleteAsync(admin, new ConsentCallback(first.Code, fresh["state"], null, null));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.CodeReused);
        outcome.Error.ShouldNotBeNull().Subcode.ShouldBe(36009);
    }

    [Fact]
    public async Task Complete_CodeOlderThanTenMinutes_ReportsCodeExpiredAndStoresNothing()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var callback = await Driver.AuthorizeAsync(await Driver.BeginAsync(admin, OAuthPurpose.Connect), DemoWorld.DanaId, "all");
        await Driver.Sandbox.PostJsonAsync("clock/advance", new { minutes = 11 });

        var outcome = await Driver.CompleteAsync(admin, callback);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.CodeExpired);
        (await GrantCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Complete_MissingCode_StoresNothing()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Connect);

        var outcome = await Driver.CompleteAsync(admin, new ConsentCallback(null, dialog["state"], null, null));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.MissingCode);
        (await GrantCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Consume_StateOlderThanItsLifetime_IsExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new OAuthStateStore(Driver.Service<IDbContextFactory<OmnichatDbContext>>(), clock);
        var admin = await Driver.CallerAsync("admin@demo.local");
        var state = await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        clock.Advance(OAuthStateStore.Lifetime + TimeSpan.FromSeconds(1));
        var (check, _) = await store.ConsumeAsync(state, admin, CancellationToken.None);

        check.ShouldBe(OAuthStateCheck.Expired);
    }

    [Fact]
    public async Task Consume_AnotherDialogOpenedMeanwhile_BothRoundTripsStillWork()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new OAuthStateStore(Driver.Service<IDbContextFactory<OmnichatDbContext>>(), clock);
        var admin = await Driver.CallerAsync("admin@demo.local");
        var first = await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        // The admin opens the dialog again in a second tab ten minutes later: cleaning up must not cost the first tab.
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        (await store.ConsumeAsync(first, admin, CancellationToken.None)).Check.ShouldBe(OAuthStateCheck.Valid);
        (await store.ConsumeAsync(second, admin, CancellationToken.None)).Check.ShouldBe(OAuthStateCheck.Valid);
    }

    [Fact]
    public async Task Issue_RoundTripAbandonedLongAgo_IsDeleted_ARecentOneKept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new OAuthStateStore(Driver.Service<IDbContextFactory<OmnichatDbContext>>(), clock);
        var admin = await Driver.CallerAsync("admin@demo.local");
        var abandoned = await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);
        clock.Advance(OAuthStateStore.Lifetime);
        var expired = await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        // Past twice the lifetime nobody can use it any more, not even to be told it expired: it is deleted.
        clock.Advance(OAuthStateStore.Lifetime + TimeSpan.FromSeconds(1));
        await store.IssueAsync(admin, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        (await store.ConsumeAsync(abandoned, admin, CancellationToken.None)).Check.ShouldBe(OAuthStateCheck.Unknown);
        (await store.ConsumeAsync(expired, admin, CancellationToken.None)).Check.ShouldBe(OAuthStateCheck.Expired);
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.OAuthStates.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Begin_Agent_IsNotAllowedToOpenTheDialog()
    {
        var agent = await Driver.CallerAsync("agent@demo.local");

        var dialog = await Driver.Service<ConsentService>().BeginAsync(agent, OAuthPurpose.Connect, null, Driver.RedirectUri, CancellationToken.None);

        dialog.ShouldBeNull();
    }
}
