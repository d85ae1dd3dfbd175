namespace Omnichat.Core.Receiving;

/// <summary>
/// Section "Receiving": when a page that usually hears from customers has been quiet long enough to say so. The
/// defaults read "on average 20 or more customer messages a day over the last 7 days, and none in the last 6 hours".
/// </summary>
public sealed class ReceivingOptions
{
    public const string SectionName = "Receiving";

    /// <summary>The average a day, over <see cref="UsualOverDays"/>, from which a page counts as one that usually receives.</summary>
    public int UsualCustomerMessagesPerDay { get; set; } = 20;
    /// <summary>Whole days (UTC) before today that the average is taken over; today's part is not, it is the silence.</summary>
    public int UsualOverDays { get; set; } = 7;
    /// <summary>No customer message for this long, while the page is subscribed and working, is unusual for such a page.</summary>
    public TimeSpan SilentFor { get; set; } = TimeSpan.FromHours(6);
}
