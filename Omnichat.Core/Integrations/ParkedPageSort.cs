namespace Omnichat.Core.Integrations;

/// <summary>The orders of the kept-aside events list, one row per page id.</summary>
public enum ParkedPageSort
{
    /// <summary>By the newest event: a page still receiving messages is what support wants to see first.</summary>
    LastEvent,
    FirstEvent,
    EventCount,
}
