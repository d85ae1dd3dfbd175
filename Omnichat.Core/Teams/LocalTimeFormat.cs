using System.Globalization;

namespace Omnichat.Core.Teams;

/// <summary>
/// How an instant is written for people: in one time zone (the team's), as "2026-12-02 15:32", the same in the console
/// and in e-mails. The one place that turns stored UTC into what a shop owner reads.
/// </summary>
public sealed class LocalTimeFormat(TimeZoneInfo zone)
{
    public static readonly LocalTimeFormat Default = new(TeamTimeZones.Find(TeamTimeZones.Default));

    public TimeZoneInfo Zone { get; } = zone;

    public static LocalTimeFormat For(string? timeZoneId) =>
        timeZoneId is null || timeZoneId == TeamTimeZones.Default ? Default : new LocalTimeFormat(TeamTimeZones.Find(timeZoneId));

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>The instant <paramref name="day"/> begins in the zone (the first valid minute where a clock change skips midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, Zone), TimeSpan.Zero);
    }

    public string DateAndTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="DateAndTime"/> with the zone named by its id, "2026-12-02 15:32 (Asia/Taipei)", as the team settings
    /// name it: the exact time wherever a reader may not know the zone (an e-mail, a relative time's tooltip).
    /// </summary>
    public string DateAndTimeWithZone(DateTimeOffset at) => $"{DateAndTime(at)} ({Zone.Id})";

    /// <summary>The zone as the team settings offer it: its id and its offset at <paramref name="at"/>, "Asia/Taipei (UTC+08:00)".</summary>
    public string Name(DateTimeOffset at) => Zone.Id == "UTC" ? "UTC" : $"{Zone.Id} ({Offset(at)})";

    public string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Clock(DateTimeOffset at, bool seconds = false) =>
        Local(at).ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone as people name it by its offset, e.g. "UTC+08:00".</summary>
    public string Offset(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }
}
