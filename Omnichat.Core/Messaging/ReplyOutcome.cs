using Omnichat.Core.Facebook;

namespace Omnichat.Core.Messaging;

/// <summary>What happened to a reply: sent, failed (stored with its cause), or refused before anything was stored.</summary>
public sealed record ReplyOutcome(ReplyOutcomeKind Kind, Guid? MessageId = null, ReplyFailure? Failure = null, GraphError? Error = null,
    MessagingWindow? Window = null);
