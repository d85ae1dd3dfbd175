namespace Omnichat.Core.Integrations;

/// <param name="Before">Pass as <c>before</c> to read the next, older page; null when there is none.</param>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, DateTimeOffset? Before);
