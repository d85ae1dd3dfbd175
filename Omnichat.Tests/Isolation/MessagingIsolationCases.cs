using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Isolation;

/// <summary>Conversations and replies: another team reads and answers none of Demo Shop's customers; support staff read, never reply.</summary>
internal static class MessagingIsolationCases
{
    private const string Text = "OTHER-TEAM reply that must never reach Demo Shop's customer";

    public static IEnumerable<IsolationCase> All =>
    [
        IsolationCase.For<InboxService>(s => s.ListAsync(default!, default), "another team lists only its own conversations", async w =>
        {
            IReadOnlyList<ConversationSummary> list = default!;
            await w.ChangesNothingAsync(async () => list = await w.Service<InboxService>().ListAsync(w.OtherAdmin, default));
            list.Select(c => c.Id).ShouldBe([w.OtherConversation]);
            (await w.Service<InboxService>().ListAsync(w.DemoAgent, default)).Select(c => c.Id).ShouldBe([w.DemoConversation], "the agent reads its own team");
        }),
        IsolationCase.For<InboxService>(s => s.ListAsync(default!, default), "support staff have no inbox", async w =>
            (await w.Service<InboxService>().ListAsync(w.Support, default)).ShouldBeEmpty()),

        IsolationCase.For<InboxService>(s => s.GetAsync(default!, default, default), "another team's admin does not read Demo Shop's conversation", async w =>
        {
            (await w.Service<InboxService>().GetAsync(w.DemoAgent, w.DemoConversation, default))!.Messages
                .ShouldContain(m => m.Text == IsolationWorld.DemoCustomerText, "its own team reads it");
            ConversationThread? thread = default;
            await w.ChangesNothingAsync(async () => thread = await w.Service<InboxService>().GetAsync(w.OtherAdmin, w.DemoConversation, default));
            thread.ShouldBeNull();
        }),
        IsolationCase.For<InboxService>(s => s.GetAsync(default!, default, default), "support staff do not read a conversation", async w =>
            (await w.Service<InboxService>().GetAsync(w.Support, w.DemoConversation, default)).ShouldBeNull()),

        IsolationCase.For<InboxService>(s => s.MarkReadAsync(default!, default, default), "another team's admin and support staff leave it unread", async w =>
        {
            await w.ChangesNothingAsync(async () =>
            {
                await w.Service<InboxService>().MarkReadAsync(w.OtherAdmin, w.DemoConversation, default);
                await w.Service<InboxService>().MarkReadAsync(w.Support, w.DemoConversation, default);
            });
            (await w.Messenger.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == w.DemoConversation))).UnreadCount.ShouldBe(1);
        }),

        IsolationCase.For<ReplyService>(s => s.SendAsync(default!, default, Text, default), "another team's admin cannot answer Demo Shop's customer", async w =>
        {
            var sent = await w.SentMessagesAsync();
            ReplyOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Service<ReplyService>().SendAsync(w.OtherAdmin, w.DemoConversation, Text, default));
            outcome.Kind.ShouldBe(ReplyOutcomeKind.NotFound);
            (await w.SentMessagesAsync()).ShouldBe(sent, "nothing went to Facebook");
        }),
        IsolationCase.For<ReplyService>(s => s.SendAsync(default!, default, Text, default), "support staff reply for nobody", async w =>
        {
            var sent = await w.SentMessagesAsync();
            ReplyOutcome outcome = default!;
            await w.ChangesNothingAsync(async () => outcome = await w.Service<ReplyService>().SendAsync(w.Support, w.DemoConversation, Text, default));
            outcome.Kind.ShouldBe(ReplyOutcomeKind.NotFound);
            (await w.SentMessagesAsync()).ShouldBe(sent);
        }),

        IsolationCase.For<ReplyService>(s => s.RetryAsync(default!, default, default), "another team's admin and support staff cannot resend Demo Shop's failed reply", async w =>
        {
            var sent = await w.SentMessagesAsync();
            ReplyOutcome byOther = default!, bySupport = default!;
            await w.ChangesNothingAsync(async () =>
            {
                byOther = await w.Service<ReplyService>().RetryAsync(w.OtherAdmin, w.DemoFailedReply, default);
                bySupport = await w.Service<ReplyService>().RetryAsync(w.Support, w.DemoFailedReply, default);
            });
            byOther.Kind.ShouldBe(ReplyOutcomeKind.NotFound);
            bySupport.Kind.ShouldBe(ReplyOutcomeKind.NotFound);
            (await w.SentMessagesAsync()).ShouldBe(sent);
        }),
    ];
}
