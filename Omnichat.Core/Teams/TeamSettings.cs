namespace Omnichat.Core.Teams;

/// <summary>
/// One team's settings as a caller may see them, with what that caller may change: a team's admin edits the
/// notification addresses and the e-mail language; support staff set the plan end date (a stand-in for billing).
/// </summary>
public sealed record TeamSettings(
    Guid TeamId,
    string TeamName,
    DateOnly? PlanEndsOn,
    string Culture,
    string TimeZone,
    IReadOnlyList<string> NotificationEmails,
    bool CanEditNotifications,
    bool CanEditPlan);
