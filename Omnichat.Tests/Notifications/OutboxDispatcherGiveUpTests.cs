using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Notifications;

public sealed class OutboxDispatcherGiveUpTests
{
    [Fact]
    public async Task DispatchDue_SmtpDownForMaxAttempts_MarksFailed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var deadPort = new SmtpTestServer().Port;
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", deadPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:From", "alerts@omnichat.test")
            .With("Email:MaxAttempts", "3")
            .With("Email:DispatchIntervalSeconds", "3600"));
        var outbox = new Outbox(server);
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(server.Services, time);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            (await outbox.GetAsync(id)).Attempts.ShouldBe(attempt);
            time.Advance(OutboxDispatcher.MaxRetryDelay);
        }

        var row = await outbox.GetAsync(id);
        row.State.ShouldBe(EmailState.Failed);
        row.LastError.ShouldNotBeNullOrWhiteSpace();
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
    }
}
