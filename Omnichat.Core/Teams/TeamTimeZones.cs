namespace Omnichat.Core.Teams;

/// <summary>
/// The time zones a team can show its times in (<see cref="Team.TimeZone"/>, IANA ids): the product's home first,
/// then the region's neighbours and a few elsewhere. Times are stored as UTC; only what people read is local.
/// </summary>
public static class TeamTimeZones
{
    public const string Default = "Asia/Taipei";

    public static readonly IReadOnlyList<string> All =
    [
        Default, "Asia/Hong_Kong", "Asia/Macau", "Asia/Shanghai", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Manila",
        "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Jakarta", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney",
        "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC",
    ];

    public static bool IsSupported(string? id) => All.Contains(id ?? "", StringComparer.Ordinal);

    /// <summary>The zone for <paramref name="id"/>; the default for anything else (an old or hand-edited row).</summary>
    public static TimeZoneInfo Find(string? id) =>
        TimeZoneInfo.FindSystemTimeZoneById(IsSupported(id) ? id! : Default);
}
