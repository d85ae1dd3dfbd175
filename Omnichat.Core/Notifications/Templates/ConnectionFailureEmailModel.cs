namespace Omnichat.Core.Notifications.Templates;

/// <summary>Everything the connection-failure e-mail shows, in the team's language.</summary>
public sealed record ConnectionFailureEmailModel(string TeamName, IReadOnlyList<FailedPage> Pages, string ChannelsUrl, EmailWords Words);
