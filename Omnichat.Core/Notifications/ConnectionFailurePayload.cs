using Omnichat.Core.Channels;

namespace Omnichat.Core.Notifications;

/// <summary>The pages one reminder e-mail is about.</summary>
public sealed record ConnectionFailurePayload(IReadOnlyList<FailedPage> Pages);
