using Omnichat.Core.Teams;

namespace Omnichat.Core.Notifications.Templates;

/// <summary>Everything the connection-failure e-mail shows, in the team's language and time zone.</summary>
public sealed record ConnectionFailureEmailModel(string TeamName, IReadOnlyList<FailedPage> Pages, string ChannelsUrl, EmailWords Words, LocalTimeFormat Time);
