using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>The deauthorize callback and "Check now": failures show without waiting for the hourly run.</summary>
public sealed class InstantSignalTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    protected override async Task ArrangeAsync()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
    }

    private async Task<PageConnection> TaipeiAsync()
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.PageConnections.SingleAsync(c => c.PageId == Taipei);
    }

    [Fact]
    public async Task RemoveAppOnFacebook_DeauthorizeCallbackChecksAtOnce()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/remove-app");

        var taipei = await TaipeiAsync();
        taipei.Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        taipei.Cause.ShouldBe(FailureCause.AppRemoved);
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.OutboxEmails.SingleAsync()).State.ShouldBeOneOf(EmailState.Pending, EmailState.Sent);
        var state = await Driver.Sandbox.StateAsync();
        state.GetProperty("deauthorizeCallbacks").EnumerateArray().Last().GetProperty("status").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task DeauthorizeCallback_WrongSignature_IsRejectedAndChecksNothing()
    {
        using var client = Server.CreateHttpClient();
        var checkedWhenConnected = (await TaipeiAsync()).LastCheckedAt;

        using var response = await client.PostAsync("webhooks/facebook/deauthorize",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["signed_request"] = "c2lnbmF0dXJl.eyJ1c2VyX2lkIjoiNzgwMTcwMDAwMDAwMDAxIn0" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        checkedWhenConnected.ShouldNotBeNull();
        (await TaipeiAsync()).LastCheckedAt.ShouldBe(checkedWhenConnected);
    }

    [Fact]
    public async Task CheckNow_Agent_ChecksTheTeamButNotAnotherTeamsConnection()
    {
        var agent = await Driver.CallerAsync("agent@demo.local");
        var other = await Driver.CallerAsync("admin@other.local");
        var checkNow = Driver.Service<CheckNowService>();
        var taipei = await TaipeiAsync();

        var mine = await checkNow.CheckTeamAsync(agent, null, CancellationToken.None);
        var theirs = await checkNow.CheckConnectionAsync(other, taipei.Id, CancellationToken.None);

        mine.ShouldNotBeNull().Checked.ShouldBe(1);
        theirs.ShouldBeNull();
        (await checkNow.CheckTeamAsync(other, null, CancellationToken.None)).ShouldNotBeNull().Checked.ShouldBe(0);
    }

    [Fact]
    public async Task CheckNow_SupportNamesATeam_ChecksThatTeamButRefusesAnIdThatIsNoTeam()
    {
        var support = await Driver.CallerAsync(DemoAccounts.Support.Email);
        var demoTeam = (await TaipeiAsync()).TeamId;
        var checkNow = Driver.Service<CheckNowService>();

        var demo = await checkNow.CheckTeamAsync(support, demoTeam, null, CancellationToken.None);
        var nobody = await checkNow.CheckTeamAsync(support, Guid.NewGuid(), null, CancellationToken.None);

        demo.ShouldNotBeNull().Checked.ShouldBe(1);
        nobody.ShouldBeNull();
    }
}
