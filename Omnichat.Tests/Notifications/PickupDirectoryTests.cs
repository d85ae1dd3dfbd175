using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Omnichat.Core.Data;
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
        Path.GetFileName(file).ShouldBe($"{id:N}.eml");
        var message = await MimeMessage.LoadAsync(file);
        message.Subject.ShouldBe("[Omnichat] Facebook 專頁串接失效：Demo Shop 台北店");
        message.HtmlBody!.ShouldContain("<table");
        message.TextBody!.ShouldContain("Demo Shop 台北店");
        message.To.Mailboxes.Select(m => m.Address).ShouldBe(["admin@demo.local", "admin2@demo.local"], ignoreOrder: true);
        (await new Outbox(server).GetAsync(id)).State.ShouldBe(EmailState.Sent);
    }

    [Fact]
    public async Task DispatchDue_KilledAfterWritingBeforeMarkingSent_RetryWritesNoSecondFile()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("Email:DispatchIntervalSeconds", "3600"));
        var id = await new Outbox(server).EnqueueAsync(DemoAccounts.DemoShop, DateTimeOffset.UtcNow);
        var dispatcher = server.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        // What a kill -9 between the file and the UPDATE leaves: the file, and a row still Pending whose lease ran out.
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            await db.OutboxEmails.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, EmailState.Pending)
                .SetProperty(e => e.SentAt, (DateTimeOffset?)null)
                .SetProperty(e => e.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        Directory.GetFiles(Path.Combine(server.DataFolder, "mail")).ShouldHaveSingleItem();
        var row = await new Outbox(server).GetAsync(id);
        (row.State, row.Attempts).ShouldBe((EmailState.Sent, 2));
    }

    [Fact]
    public async Task Send_SameMessageIdTwice_KeepsTheFirstFile_AndReplacesAHalfWrittenOne()
    {
        var folder = Directory.CreateTempSubdirectory("omnichat-pickup-").FullName;
        try
        {
            var sender = new PickupDirectoryMailSender(Options.Create(new EmailOptions { PickupDirectory = folder }));
            var id = Guid.NewGuid();
            await File.WriteAllTextAsync(Path.Combine(folder, $"{id:N}.eml.tmp"), "cut off by a cras");

            await sender.SendAsync(Message(id, "first attempt"), CancellationToken.None);
            await sender.SendAsync(Message(id, "retry"), CancellationToken.None);

            var file = Directory.GetFiles(folder).ShouldHaveSingleItem();
            Path.GetFileName(file).ShouldBe($"{id:N}.eml");
            (await MimeMessage.LoadAsync(file)).TextBody!.Trim().ShouldBe("first attempt");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void FileName_MessageIdThatCouldLeaveTheFolder_IsRefused()
    {
        var message = new MimeMessage { MessageId = "../../etc/passwd@omnichat.local" };

        Should.Throw<ArgumentException>(() => PickupDirectoryMailSender.FileName(message));
    }

    private static MimeMessage Message(Guid id, string text)
    {
        var message = new MimeMessage { Subject = "s", MessageId = $"{id:N}@omnichat.local" };
        message.From.Add(new MailboxAddress("Omnichat", "omnichat@localhost"));
        message.To.Add(new MailboxAddress("", "admin@demo.local"));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
