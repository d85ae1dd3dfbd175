namespace Omnichat.Core.Teams;

public sealed class Team
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>The last day of the paid plan; null while the plan has no end. Stands in for billing.</summary>
    public DateOnly? PlanEndsOn { get; set; }
    /// <summary>Language of e-mails sent to the team: "zh-TW" or "en".</summary>
    public string Culture { get; set; } = "zh-TW";
    /// <summary>IANA id of the zone the team's times are shown in (<see cref="TeamTimeZones"/>).</summary>
    public string TimeZone { get; set; } = TeamTimeZones.Default;
    /// <summary>Extra addresses for failure reminders besides the team's admins, comma-separated.</summary>
    public string NotificationEmails { get; set; } = "";
}
