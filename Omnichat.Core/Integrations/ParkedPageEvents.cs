namespace Omnichat.Core.Integrations;

/// <summary>One page id's kept-aside events: the summary on top, and one page of its events, the newest first.</summary>
public sealed record ParkedPageEvents(ParkedPageRow Summary, IReadOnlyList<ParkedEventRow> Events);
