namespace Omnichat.Core.Teams;

/// <summary>A team as the settings page's team picker lists it.</summary>
public sealed record TeamSummary(Guid Id, string Name);
