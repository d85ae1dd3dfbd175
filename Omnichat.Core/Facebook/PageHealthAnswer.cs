namespace Omnichat.Core.Facebook;

/// <summary>Facebook's two answers about one page; a null answer means the batch timed out before that call ran.</summary>
public sealed record PageHealthAnswer(string PageId, GraphResult<TokenDebugInfo>? Token, GraphResult<IReadOnlyList<SubscribedApp>>? Subscriptions);
