namespace Omnichat.Core.Channels;

/// <summary>
/// A person whose authorization ended on pages that still work on someone else's: the yellow notice asks them to
/// authorize again, so the pages have a backup again.
/// </summary>
public sealed record EndedAuthorization(string PersonName, FailureCause Cause, DateTimeOffset Since, IReadOnlyList<string> PageNames);
