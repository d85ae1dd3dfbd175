namespace Omnichat.Core.Receiving;

/// <summary>A page may not be receiving: the rule that says so, as configured, and this page's own average.</summary>
public sealed record SilenceNotice(int UsualPerDay, int OverDays, TimeSpan SilentFor, int AveragePerDay);
