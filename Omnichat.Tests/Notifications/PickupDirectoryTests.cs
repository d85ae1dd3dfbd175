using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Omnichat.Core.Notifications;
using Omnichat.Core.Notifications.Sending;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Notifications;

public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task DispatchDue_NoSmtpHost_WritesOneEmlWithHtmlAndTextParts()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("Email:DispatchIntervalSeconds", "3600"));
        var id = await new Outbox(server).EnqueueAsync(DemoAccounts.DemoShop, DateTimeOffset.UtcNow);

        server.Services.GetRequiredService<IMailSender>().ShouldBeOfType<PickupDirectoryMailSender>();
        await server.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var file = Directory.GetFiles(Path.Combine(server.DataFolder, "mail")).ShouldHaveSingleItem();
        file.ShouldEndWith(".eml");
        var message = await MimeMessage.LoadAsync(file);
        message.Subject.ShouldBe("[Omnichat] Facebook 專頁串接失效：Demo Shop 台北店");
        message.HtmlBody!.ShouldContain("<table");
        message.TextBody!.ShouldContain("Demo Shop 台北店");
        message.To.Mailboxes.Select(m => m.Address).ShouldBe(["admin@demo.local"]);
        (await new Outbox(server).GetAsync(id)).State.ShouldBe(EmailState.Sent);
    }
}
