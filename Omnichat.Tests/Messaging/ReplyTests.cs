using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>Replies through the Send API of the sandbox, over real HTTP: the window, each error's meaning, and its effect on the connection.</summary>
public sealed class ReplyTests
{
    private const string Psid = "7400000000000001";
    private static string Taipei => MessengerDriver.Taipei;

    private static async Task<(ConsoleServer Server, MessengerDriver Driver, Guid ConnectionId, Guid ConversationId)> StartAsync(Action<ConsoleServer>? configure = null)
    {
        var server = await ConsoleServer.StartAsync(configure);
        var driver = new MessengerDriver(server);
        var connectionId = await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "請問有貨嗎？" });
        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(), "the customer's message arrives");
        var conversationId = await driver.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        return (server, driver, connectionId, conversationId);
    }

    private static async Task<ReplyOutcome> ReplyAsync(MessengerDriver driver, Guid conversationId, string text = "有的，歡迎光臨") =>
        await driver.Service<ReplyService>().SendAsync(await driver.AdminAsync(), conversationId, text, CancellationToken.None);

    [Fact]
    public async Task Reply_InsideTheWindow_IsSentAsResponse_EchoAndDeliveryUpdateItWithoutADuplicate()
    {
        var (server, driver, _, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;

        var outcome = await ReplyAsync(driver, conversationId);

        outcome.Kind.ShouldBe(ReplyOutcomeKind.Sent);
        var sent = (await driver.Sandbox.StateAsync()).GetProperty("sentMessages").EnumerateArray().Single();
        (sent.GetProperty("recipientId").GetString(), sent.GetProperty("text").GetString(), sent.GetProperty("messagingType").GetString())
            .ShouldBe((Psid, "有的，歡迎光臨", "RESPONSE"));
        sent.GetProperty("tag").ValueKind.ShouldBe(JsonValueKind.Null);
        await driver.EventuallyAsync(db => db.Messages.AnyAsync(m => m.Id == outcome.MessageId && m.DeliveryState == DeliveryState.Delivered
            && m.EchoSource == EchoSource.ThisConsole), "the echo and the delivery receipt come back");
        (await driver.QueryAsync(db => db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound))).ShouldBe(1, "our echo is recognised, not stored twice");
        (await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == outcome.MessageId))).Mid.ShouldBe(sent.GetProperty("mid").GetString());
    }

    public static TheoryData<string, ReplyFailure, ConnectionStatus> Errors => new()
    {
        { "window", ReplyFailure.OutsideWindow, ConnectionStatus.Healthy },
        { "blocked", ReplyFailure.RecipientUnavailable, ConnectionStatus.Healthy },
        { "unavailable", ReplyFailure.RecipientUnavailable, ConnectionStatus.Healthy },
        { "cannotReceive", ReplyFailure.RecipientUnavailable, ConnectionStatus.Healthy },
        { "restricted", ReplyFailure.PageRestricted, ConnectionStatus.Healthy },
        { "appNotLive", ReplyFailure.IntegrationBroken, ConnectionStatus.Healthy },
        { "receiver", ReplyFailure.AnotherAppControls, ConnectionStatus.NotMessengerReceiver },
        { "passwordChanged", ReplyFailure.IntegrationBroken, ConnectionStatus.NeedsReauthorization },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Reply_SendApiRefuses_IsKeptAsFailedWithItsMeaning_AndOnlyIntegrationFailuresChangeTheConnection(
        string fault, ReplyFailure expected, ConnectionStatus status)
    {
        var (server, driver, connectionId, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;
        switch (fault)
        {
            case "window": await driver.Sandbox.PostJsonAsync("clock/advance", new { minutes = 25 * 60 }); break;
            case "blocked" or "unavailable" or "cannotReceive": await driver.Sandbox.PutAsync($"pages/{Taipei}/customers/{Psid}", new { reachability = fault }); break;
            case "restricted": await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = true }); break;
            case "appNotLive": await driver.Sandbox.PutAsync("app", new { live = false }); break;
            case "receiver": await driver.Sandbox.PutAsync($"pages/{Taipei}/receiver", new { appId = DemoWorld.OtherAppId }); break;
            case "passwordChanged": await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change"); break;
        }

        var outcome = await ReplyAsync(driver, conversationId);

        outcome.Kind.ShouldBe(ReplyOutcomeKind.Failed);
        outcome.Failure.ShouldBe(expected);
        var stored = await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == outcome.MessageId));
        (stored.DeliveryState, stored.Text, stored.Failure).ShouldBe((DeliveryState.Failed, "有的，歡迎光臨", expected), "a failed reply is never lost");
        stored.FbTraceId.ShouldNotBeNullOrEmpty("support asks for the fbtrace_id");
        var connection = await driver.QueryAsync(db => db.PageConnections.SingleAsync(c => c.Id == connectionId));
        connection.Status.ShouldBe(status);
        var emails = await driver.QueryAsync(db => db.OutboxEmails.CountAsync());
        emails.ShouldBe(status == ConnectionStatus.Healthy ? 0 : 1, "a broken integration gets the same once-only e-mail as the hourly check");
    }

    [Fact]
    public async Task Retry_AfterTheCauseIsFixed_SendsTheSameReply()
    {
        var (server, driver, _, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;
        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = true });
        var failed = await ReplyAsync(driver, conversationId);
        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = false });

        var retried = await driver.Service<ReplyService>().RetryAsync(await driver.AdminAsync(), failed.MessageId!.Value, CancellationToken.None);

        retried.Kind.ShouldBe(ReplyOutcomeKind.Sent);
        (await driver.QueryAsync(db => db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound))).ShouldBe(1);
        // The inbox no longer shows the earlier failure's notice and error code on the reply that went out.
        var reply = await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == failed.MessageId));
        (reply.Failure, reply.ErrorCode, reply.FbTraceId, reply.ErrorMessage, reply.SendAttempts).ShouldBe(((ReplyFailure?)null, (int?)null, (string?)null, (string?)null, 2));
        reply.DeliveryState.ShouldNotBe(DeliveryState.Failed);
    }

    [Fact]
    public async Task FailedReply_MarksTheConversationInTheList_UntilARetryDeliversIt()
    {
        var (server, driver, _, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;
        var admin = await driver.AdminAsync();
        var inbox = driver.Service<InboxService>();
        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = true });
        var failed = await ReplyAsync(driver, conversationId);

        (await inbox.ListAsync(admin, CancellationToken.None)).Single(c => c.Id == conversationId).HasFailedReply.ShouldBeTrue();
        (await inbox.GetAsync(admin, conversationId, CancellationToken.None))!.Summary.HasFailedReply.ShouldBeTrue();

        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = false });
        await driver.Service<ReplyService>().RetryAsync(admin, failed.MessageId!.Value, CancellationToken.None);

        (await inbox.ListAsync(admin, CancellationToken.None)).Single(c => c.Id == conversationId).HasFailedReply.ShouldBeFalse();
    }

    [Fact]
    public async Task Reply_PageDisconnected_IsKeptAsFailed_AndNothingIsSent()
    {
        var (server, driver, connectionId, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;
        var admin = await driver.AdminAsync();
        await driver.Service<ConnectionService>().DisconnectAsync(admin, connectionId, CancellationToken.None);

        var outcome = await ReplyAsync(driver, conversationId);

        (outcome.Kind, outcome.Failure).ShouldBe((ReplyOutcomeKind.NotConnected, ReplyFailure.IntegrationBroken));
        var stored = await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == outcome.MessageId));
        (stored.DeliveryState, stored.Text, stored.Failure).ShouldBe((DeliveryState.Failed, "有的，歡迎光臨", (ReplyFailure?)ReplyFailure.IntegrationBroken), "the typed reply is kept");
        (await driver.Sandbox.StateAsync()).GetProperty("sentMessages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Retry_WindowClosedSinceTheFailure_IsRefused_AndTheReplyStaysFailed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (server, driver, _, conversationId) = await StartAsync(s => s.WithServices(services => services.AddSingleton<TimeProvider>(time)));
        await using var _s = server;
        using var _d = driver;
        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = true });
        var failed = await ReplyAsync(driver, conversationId);
        await driver.Sandbox.PutAsync($"pages/{Taipei}/messaging", new { restricted = false });
        time.Advance(TimeSpan.FromHours(25));

        var retried = await driver.Service<ReplyService>().RetryAsync(await driver.AdminAsync(), failed.MessageId!.Value, CancellationToken.None);

        (retried.Kind, retried.MessageId).ShouldBe((ReplyOutcomeKind.WindowClosed, failed.MessageId));
        (await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == failed.MessageId))).DeliveryState.ShouldBe(DeliveryState.Failed);
    }

    [Fact]
    public async Task Window_After24Hours_WithHumanAgent_SendsTaggedReply_WithoutIt_RefusesBeforeStoring()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (server, driver, _, conversationId) = await StartAsync(s => s
            .With("Facebook:HumanAgentEnabled", "true")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)));
        await using var _s = server;
        using var _d = driver;
        time.Advance(TimeSpan.FromHours(30));

        var tagged = await ReplyAsync(driver, conversationId);

        tagged.Kind.ShouldBe(ReplyOutcomeKind.Sent);
        var sent = (await driver.Sandbox.StateAsync()).GetProperty("sentMessages").EnumerateArray().Single();
        (sent.GetProperty("messagingType").GetString(), sent.GetProperty("tag").GetString()).ShouldBe(("MESSAGE_TAG", "HUMAN_AGENT"));

        time.Advance(TimeSpan.FromDays(7));
        var refused = await ReplyAsync(driver, conversationId, "too late");
        refused.Kind.ShouldBe(ReplyOutcomeKind.WindowClosed);
        refused.Window!.State.ShouldBe(WindowState.Closed);
        (await driver.QueryAsync(db => db.Messages.AnyAsync(m => m.Text == "too late"))).ShouldBeFalse();
    }
    [Fact]
    public async Task Reply_BlankOrLongerThanMessengerAllows_IsRefusedAndNothingStored_UpToTheLimitIsSentTrimmed()
    {
        var (server, driver, _, conversationId) = await StartAsync();
        await using var _s = server;
        using var _d = driver;

        (await ReplyAsync(driver, conversationId, "   ")).Kind.ShouldBe(ReplyOutcomeKind.InvalidText);
        (await ReplyAsync(driver, conversationId, new string('長', ReplyService.MaxTextLength + 1))).Kind.ShouldBe(ReplyOutcomeKind.InvalidText);
        (await driver.QueryAsync(db => db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound))).ShouldBeFalse();

        var longest = new string('長', ReplyService.MaxTextLength);
        var outcome = await ReplyAsync(driver, conversationId, "  " + longest + "\n");

        outcome.Kind.ShouldBe(ReplyOutcomeKind.Sent);
        var sent = (await driver.Sandbox.StateAsync()).GetProperty("sentMessages").EnumerateArray().Single();
        sent.GetProperty("text").GetString().ShouldBe(longest);
        // The inbox list shows the reply's start as the conversation's latest message.
        var summary = (await driver.Service<InboxService>().ListAsync(await driver.AdminAsync(), CancellationToken.None)).Single();
        summary.Preview.ShouldBe(longest[..120]);
    }
}
