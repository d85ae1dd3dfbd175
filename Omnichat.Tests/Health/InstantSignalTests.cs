using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>The deauthorize callback and "Check now": failures show without waiting for the hourly run.</summary>
public sealed class InstantSignalTests : IAsyncLifetime
{
    private ConsoleServer server = default!;
    private ConsentDriver driver = default!;
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync();
        driver = new ConsentDriver(server);
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    private async Task<PageConnection> TaipeiAsync()
    {
        await using var db = await driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.PageConnections.SingleAsync(c => c.PageId == Taipei);
    }

    [Fact]
    public async Task RemoveAppOnFacebook_DeauthorizeCallbackChecksAtOnce()
    {
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/remove-app");

        var taipei = await TaipeiAsync();
        taipei.Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        taipei.Cause.ShouldBe(FailureCause.AppRemoved);
        await using var db = await driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.OutboxEmails.SingleAsync()).State.ShouldBeOneOf(EmailState.Pending, EmailState.Sent);
        var state = await driver.Sandbox.StateAsync();
        state.GetProperty("deauthorizeCallbacks").EnumerateArray().Last().GetProperty("status").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task DeauthorizeCallback_WrongSignature_IsRejectedAndChecksNothing()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.PostAsync("webhooks/facebook/deauthorize",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["signed_request"] = "c2lnbmF0dXJl.eyJ1c2VyX2lkIjoiNzgwMTcwMDAwMDAwMDAxIn0" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TaipeiAsync()).LastCheckedAt.ShouldBeNull();
    }

    [Fact]
    public async Task CheckNow_Agent_ChecksTheTeamButNotAnotherTeamsConnection()
    {
        var agent = await driver.CallerAsync("agent@demo.local");
        var other = await driver.CallerAsync("admin@other.local");
        var checkNow = driver.Service<CheckNowService>();
        var taipei = await TaipeiAsync();

        var mine = await checkNow.CheckTeamAsync(agent, null, CancellationToken.None);
        var theirs = await checkNow.CheckConnectionAsync(other, taipei.Id, CancellationToken.None);

        mine.ShouldNotBeNull().Checked.ShouldBe(1);
        theirs.ShouldBeNull();
        (await checkNow.CheckTeamAsync(other, null, CancellationToken.None)).ShouldNotBeNull().Checked.ShouldBe(0);
    }
}
