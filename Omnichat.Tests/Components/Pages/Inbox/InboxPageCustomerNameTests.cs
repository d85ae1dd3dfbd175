using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Pages.Inbox;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Pages.Inbox;

/// <summary>The open thread's header: the name appears when the background lookup stores it, without a reload.</summary>
public sealed class InboxPageCustomerNameTests : ComponentTestBase
{
    private const string Psid = "7100000000000002";

    public InboxPageCustomerNameTests() => Context.Services.AddMessaging();

    private IDbContextFactory<OmnichatDbContext> Db => Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();

    private async Task<Guid> StoreConversationAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        var connection = new PageConnection
        {
            TeamId = TestCallers.DemoShopId, PageId = "104518538110001", PageName = "Demo Shop 台北店",
            Status = ConnectionStatus.Healthy, Cause = FailureCause.None, StatusChangedAt = DateTimeOffset.UtcNow,
        };
        db.PageConnections.Add(connection);
        var conversation = new Conversation
        {
            TeamId = TestCallers.DemoShopId, ConnectionId = connection.Id, PageId = connection.PageId, Psid = Psid,
            LastMessageAt = DateTimeOffset.UtcNow, LastMessagePreview = "hi", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    [Fact]
    public async Task NameStoredWhileOpen_NotifiedInbox_ShowsTheNameInHeaderAndList()
    {
        var id = await StoreConversationAsync();
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        var cut = Render<InboxPage>(p => p.Add(x => x.ConversationId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=thread-customer]").TextContent.ShouldBe($"顧客 {Psid}"));

        await using (var db = await Db.CreateDbContextAsync())
        {
            await db.Conversations.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerFirstName, "志明").SetProperty(c => c.CustomerLastName, "林"));
        }
        await cut.InvokeAsync(() => Context.Services.GetRequiredService<InboxNotifier>().NotifyAsync(TestCallers.DemoShopId));

        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=thread-customer] [data-testid=customer-name]").TextContent.ShouldBe("林志明");
            cut.Find("[data-testid=thread-customer] [data-testid=customer-psid]").TextContent.ShouldBe($"PSID {Psid}");
            cut.Find("[data-testid=conversation-row] [data-testid=customer-name]").TextContent.ShouldBe("林志明");
        });
    }
}
