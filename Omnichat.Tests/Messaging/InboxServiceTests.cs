using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>What the inbox pages read: the team's conversations newest first, one thread in order, and unread counts.</summary>
public sealed class InboxServiceTests
{
    private const string FirstCustomer = "7600000000000001";
    private const string SecondCustomer = "7600000000000002";
    private static string Taipei => MessengerDriver.Taipei;

    private static async Task CustomerSaysAsync(MessengerDriver driver, string psid, string text, int messagesBefore)
    {
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid, text });
        await driver.EventuallyAsync(async db => await db.Messages.CountAsync() > messagesBefore, "the customer's message arrives");
    }

    [Fact]
    public async Task List_TwoCustomers_NewestConversationFirst_EachWithItsUnreadMessages()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await CustomerSaysAsync(driver, FirstCustomer, "請問有貨嗎？", 0);
        await CustomerSaysAsync(driver, SecondCustomer, "營業到幾點？", 1);

        var listed = await driver.Service<InboxService>().ListAsync(await driver.AdminAsync(), CancellationToken.None);

        listed.Select(c => (c.Psid, c.Preview, c.UnreadCount)).ShouldBe([(SecondCustomer, "營業到幾點？", 1), (FirstCustomer, "請問有貨嗎？", 1)]);
    }

    [Fact]
    public async Task Get_Thread_MessagesInTheOrderTheyCame_AndOpeningItClearsUnread()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await CustomerSaysAsync(driver, FirstCustomer, "第一句", 0);
        await CustomerSaysAsync(driver, FirstCustomer, "第二句", 1);
        var admin = await driver.AdminAsync();
        var inbox = driver.Service<InboxService>();
        var id = (await inbox.ListAsync(admin, CancellationToken.None)).Single().Id;

        var thread = (await inbox.GetAsync(admin, id, CancellationToken.None)).ShouldNotBeNull();
        await inbox.MarkReadAsync(admin, id, CancellationToken.None);

        thread.Messages.Select(m => m.Text).ShouldBe(["第一句", "第二句"]);
        (thread.Summary.UnreadCount, thread.Window.CanSend).ShouldBe((2, true));
        (await inbox.ListAsync(admin, CancellationToken.None)).Single().UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task MarkRead_SupportStaffReading_LeavesTheTeamsUnreadCount()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await CustomerSaysAsync(driver, FirstCustomer, "請問有貨嗎？", 0);
        var admin = await driver.AdminAsync();
        var inbox = driver.Service<InboxService>();
        var id = (await inbox.ListAsync(admin, CancellationToken.None)).Single().Id;
        // Support staff only read, even an account that also carries a team.
        var support = new Caller("support-user", "Support", admin.TeamId, IsTeamAdmin: false, IsSupport: true);

        await inbox.MarkReadAsync(support, id, CancellationToken.None);

        (await inbox.ListAsync(admin, CancellationToken.None)).Single().UnreadCount.ShouldBe(1);
    }
}
