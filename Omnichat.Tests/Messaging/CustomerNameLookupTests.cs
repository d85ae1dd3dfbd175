using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>Customers' names from the sandbox's User Profile API, looked up in the background after the webhook made the conversation.</summary>
public sealed class CustomerNameLookupTests
{
    private const string Psid = "7500000000000001";
    private static string Taipei => MessengerDriver.Taipei;

    private static async Task<Caller> OtherAdminAsync(ConsoleServer server)
    {
        using var consent = new Channels.ConsentDriver(server);
        return await consent.CallerAsync(DemoAccounts.OtherAdmin.Email);
    }

    [Fact]
    public async Task CustomerMessage_NewConversation_NameIsLookedUpInTheBackgroundAndListedForTheTeamOnly()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "請問有貨嗎？", firstName = "大同", lastName = "王" });

        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(c => c.CustomerFirstName == "大同" && c.CustomerLastName == "王"),
            "the background lookup stores the name");
        var listed = (await driver.Service<InboxService>().ListAsync(await driver.AdminAsync(), CancellationToken.None)).ShouldHaveSingleItem();
        (listed.CustomerName, listed.Psid).ShouldBe(("王大同", Psid));
        var other = await OtherAdminAsync(server);
        (await driver.Service<InboxService>().ListAsync(other, CancellationToken.None)).ShouldBeEmpty();
        server.Logs.Lines.ShouldNotContain(line => line.Contains("大同"), "customers' names stay out of the logs");
    }

    [Fact]
    public async Task LookUp_Found_StoresTheSandboxNameAndNotifiesOnlyThatTeamsInbox()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("CustomerProfiles:Enabled", "false"));
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "hi" });
        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(), "the conversation exists");
        var admin = await driver.AdminAsync();
        var other = await OtherAdminAsync(server);
        var ours = 0;
        var theirs = 0;
        using var _ = driver.Service<InboxNotifier>().Subscribe(admin.TeamId!.Value, () => { Interlocked.Increment(ref ours); return Task.CompletedTask; });
        using var __ = driver.Service<InboxNotifier>().Subscribe(other.TeamId!.Value, () => { Interlocked.Increment(ref theirs); return Task.CompletedTask; });

        var tried = await driver.Service<CustomerProfileLookup>().LookUpPendingAsync(CancellationToken.None);

        tried.ShouldBe(1);
        var (first, last) = CustomerNames.For(Psid);
        var conversation = await driver.QueryAsync(db => db.Conversations.SingleAsync());
        (conversation.CustomerFirstName, conversation.CustomerLastName).ShouldBe((first, last));
        // Pages refresh on their own tasks, after the lookup has returned.
        await Eventually.TrueAsync(() => Volatile.Read(ref ours) == 1, MessengerDriver.Patience, "the team's open inbox refreshed");
        Volatile.Read(ref theirs).ShouldBe(0, "another team's inbox is not told");
        (await driver.Service<CustomerProfileLookup>().LookUpPendingAsync(CancellationToken.None)).ShouldBe(0, "a named conversation is not looked up again");
    }

    [Fact]
    public async Task LookUp_TokenDead_KeepsThePsidLeavesTheConnectionAlone_AndWaitsADayBeforeTryingAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("CustomerProfiles:Enabled", "false")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)));
        using var driver = new MessengerDriver(server);
        var connectionId = await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "hi" });
        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(), "the conversation exists");
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var lookup = driver.Service<CustomerProfileLookup>();

        var first = await lookup.LookUpPendingAsync(CancellationToken.None);
        var atOnce = await lookup.LookUpPendingAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(23));
        var nextDayTooSoon = await lookup.LookUpPendingAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        var afterADay = await lookup.LookUpPendingAsync(CancellationToken.None);

        (first, atOnce, nextDayTooSoon, afterADay).ShouldBe((1, 0, 0, 1));
        var conversation = await driver.QueryAsync(db => db.Conversations.SingleAsync());
        (conversation.CustomerFirstName, conversation.CustomerLastName).ShouldBe((null, null));
        var listed = (await driver.Service<InboxService>().ListAsync(await driver.AdminAsync(), CancellationToken.None)).ShouldHaveSingleItem();
        listed.CustomerName.ShouldBeNull();
        (await driver.QueryAsync(db => db.PageConnections.SingleAsync(c => c.Id == connectionId))).Status
            .ShouldBe(ConnectionStatus.Healthy, "the hourly check, not the name lookup, decides a connection's status");
    }
}
