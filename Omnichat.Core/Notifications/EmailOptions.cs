namespace Omnichat.Core.Notifications;

/// <summary>
/// Configuration section "Email": who e-mails come from, how they leave (SMTP, or <c>.eml</c> files in a pickup
/// directory when no SMTP host is set), and how the outbox retries.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";
    public const string DefaultPickupDirectory = "data/mail";

    /// <summary>The sender, e.g. <c>Omnichat &lt;no-reply@example.com&gt;</c>; required with an SMTP host.</summary>
    public string From { get; set; } = "";

    /// <summary>Where <c>.eml</c> files are written while no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory;

    /// <summary>How often the outbox looks for due e-mails when nobody signals it.</summary>
    public int DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// How long a dispatcher's claim on an e-mail holds. An instance that dies while sending leaves the e-mail to the
    /// others for this long; a send is given up at half of it, so a live claim never runs out mid-send.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>The longest a send may take before it counts as a failed attempt: half the lease.</summary>
    public TimeSpan SendTimeout => Lease / 2;

    /// <summary>Attempts before an e-mail is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
