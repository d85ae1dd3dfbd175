using System.Collections.Frozen;
using System.Globalization;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>
/// A note Omnichat writes into a connection's history (the detail of a status change, an event or a check). It is
/// stored as a code and at most one argument ("reply-failed:(#10) ..."), not as a sentence, so support staff and team
/// admins each read it in their own language (<see cref="ConnectionWords.Note"/>). Facebook's and other servers' own
/// error texts stay as they came, as arguments or on their own: support quotes them to Meta word for word.
/// </summary>
public sealed record HistoryNote(HistoryNoteKind Kind, string? Argument = null)
{
    // Stored in the database: a code never changes once written, whatever the enum member is renamed to.
    private static readonly FrozenDictionary<HistoryNoteKind, string> Codes = new Dictionary<HistoryNoteKind, string>
    {
        [HistoryNoteKind.Connected] = "connected",
        [HistoryNoteKind.Reauthorized] = "reauthorized",
        [HistoryNoteKind.Disconnected] = "disconnected",
        [HistoryNoteKind.FacebookUser] = "facebook-user",
        [HistoryNoteKind.ReceiverStandby] = "receiver-standby",
        [HistoryNoteKind.ReceiverMessaging] = "receiver-messaging",
        [HistoryNoteKind.ReplyFailed] = "reply-failed",
        [HistoryNoteKind.WebhookMissing] = "webhook-missing",
        [HistoryNoteKind.Resubscribed] = "resubscribed",
        [HistoryNoteKind.ResubscribeFailed] = "resubscribe-failed",
        [HistoryNoteKind.ResubscribeUnanswered] = "resubscribe-unanswered",
        [HistoryNoteKind.FieldsRepaired] = "fields-repaired",
        [HistoryNoteKind.BatchItemMissing] = "batch-item-missing",
        [HistoryNoteKind.BatchUnanswered] = "batch-unanswered",
        [HistoryNoteKind.FacebookAnswered] = "facebook-answered",
        [HistoryNoteKind.EmailTeamGone] = "email-team-gone",
        [HistoryNoteKind.EmailPlanEnded] = "email-plan-ended",
        [HistoryNoteKind.EmailUnreadable] = "email-unreadable",
        [HistoryNoteKind.EmailNoRecipients] = "email-no-recipients",
        [HistoryNoteKind.EmailTimedOut] = "email-timed-out",
        [HistoryNoteKind.FailedOver] = "failed-over",
        [HistoryNoteKind.NotTicked] = "not-ticked",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, HistoryNoteKind> Kinds = Codes.ToFrozenDictionary(c => c.Value, c => c.Key);

    // Rows written before notes were codes hold these English sentences (an argument between the two parts, or none);
    // they read like the notes that replaced them.
    private static readonly (string Before, string? After, HistoryNoteKind Kind)[] Legacy =
    [
        ("Facebook user ", "", HistoryNoteKind.FacebookUser),
        ("A reply failed: ", "", HistoryNoteKind.ReplyFailed),
        ("re-subscribing got no usable answer: ", "", HistoryNoteKind.ResubscribeUnanswered),
        ("Facebook did not answer this batch: ", "", HistoryNoteKind.BatchUnanswered),
        ("Facebook answered ", "", HistoryNoteKind.FacebookAnswered),
        ("Customer events arrive under standby: another app is the page's Messenger receiver.", null, HistoryNoteKind.ReceiverStandby),
        ("Customer events arrive under messaging again: this app is the receiver.", null, HistoryNoteKind.ReceiverMessaging),
        ("our app is missing from subscribed_apps", null, HistoryNoteKind.WebhookMissing),
        ("webhook subscription was missing; subscribed again", null, HistoryNoteKind.Resubscribed),
        ("our app is missing from subscribed_apps and subscribing again failed", null, HistoryNoteKind.ResubscribeFailed),
        ("the batch timed out before this page's calls ran", null, HistoryNoteKind.BatchItemMissing),
        ("The team no longer exists.", null, HistoryNoteKind.EmailTeamGone),
        ("Not sent: the team's plan ended on ", ".", HistoryNoteKind.EmailPlanEnded),
        ("Unreadable payload: ", "", HistoryNoteKind.EmailUnreadable),
        ("No recipients: the team has no admin with an e-mail address and no extra notification addresses (Team settings).", null, HistoryNoteKind.EmailNoRecipients),
        ("The mail server did not take the e-mail within ", " s.", HistoryNoteKind.EmailTimedOut),
    ];

    public static string Connected { get; } = new HistoryNote(HistoryNoteKind.Connected).Stored;

    public static string Reauthorized { get; } = new HistoryNote(HistoryNoteKind.Reauthorized).Stored;

    public static string Disconnected { get; } = new HistoryNote(HistoryNoteKind.Disconnected).Stored;

    public static string ReceiverStandby { get; } = new HistoryNote(HistoryNoteKind.ReceiverStandby).Stored;

    public static string ReceiverMessaging { get; } = new HistoryNote(HistoryNoteKind.ReceiverMessaging).Stored;

    public static string WebhookMissing { get; } = new HistoryNote(HistoryNoteKind.WebhookMissing).Stored;

    public static string Resubscribed { get; } = new HistoryNote(HistoryNoteKind.Resubscribed).Stored;

    public static string ResubscribeFailed { get; } = new HistoryNote(HistoryNoteKind.ResubscribeFailed).Stored;

    public static string BatchItemMissing { get; } = new HistoryNote(HistoryNoteKind.BatchItemMissing).Stored;

    public static string EmailTeamGone { get; } = new HistoryNote(HistoryNoteKind.EmailTeamGone).Stored;

    public static string EmailNoRecipients { get; } = new HistoryNote(HistoryNoteKind.EmailNoRecipients).Stored;

    public static string EmailPlanEnded(DateOnly lastDay) =>
        new HistoryNote(HistoryNoteKind.EmailPlanEnded, lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Stored;

    public static string EmailUnreadable(string why) => new HistoryNote(HistoryNoteKind.EmailUnreadable, why).Stored;

    public static string EmailTimedOut(TimeSpan timeout) =>
        new HistoryNote(HistoryNoteKind.EmailTimedOut, timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)).Stored;

    public static string FacebookUser(string name) => new HistoryNote(HistoryNoteKind.FacebookUser, name).Stored;

    /// <summary>The person's newest consent left the page out (or dropped a permission it needs): their token for it ended.</summary>
    public static string NotTicked(string name) => new HistoryNote(HistoryNoteKind.NotTicked, name).Stored;

    /// <summary>Whose authorization ended, why, and whose took over; tab-separated (a Facebook name holds no tab).</summary>
    public static string FailedOver(string from, FailureCause cause, string to) =>
        new HistoryNote(HistoryNoteKind.FailedOver, string.Join('\t', cause, NoTab(from), NoTab(to))).Stored;

    /// <summary>The parts of a <see cref="HistoryNoteKind.FailedOver"/> argument; null when it is not one.</summary>
    public static (FailureCause Cause, string From, string To)? ReadFailedOver(string? argument) =>
        argument?.Split('\t') is [var cause, var from, var to] && Enum.TryParse<FailureCause>(cause, out var parsed)
            ? (parsed, from, to)
            : null;

    private static string NoTab(string name) => name.Replace('\t', ' ');

    public static string ReplyFailed(GraphError error) => new HistoryNote(HistoryNoteKind.ReplyFailed, error.ToString()).Stored;

    public static string FieldsRepaired(IEnumerable<string> missing) => new HistoryNote(HistoryNoteKind.FieldsRepaired, string.Join(", ", missing)).Stored;

    public static string ResubscribeUnanswered(GraphError error) => new HistoryNote(HistoryNoteKind.ResubscribeUnanswered, error.ToString()).Stored;

    public static string BatchUnanswered(GraphError error) => new HistoryNote(HistoryNoteKind.BatchUnanswered, error.ToString()).Stored;

    public static string FacebookAnswered(GraphError error) => new HistoryNote(HistoryNoteKind.FacebookAnswered, error.ToString()).Stored;

    /// <summary>The text kept in the database: "code" or "code:argument".</summary>
    public string Stored => Argument is null ? Codes[Kind] : $"{Codes[Kind]}:{Argument}";

    /// <summary>The note a stored detail holds, or null when it is someone else's text (a Graph error, a mail server's answer).</summary>
    public static HistoryNote? Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? stored : stored[..colon];
        if (Kinds.TryGetValue(code, out var kind))
        {
            return new HistoryNote(kind, colon < 0 ? null : stored[(colon + 1)..]);
        }
        foreach (var (before, after, legacyKind) in Legacy)
        {
            if (after is null ? stored == before
                : stored.Length >= before.Length + after.Length && stored.StartsWith(before, StringComparison.Ordinal) && stored.EndsWith(after, StringComparison.Ordinal))
            {
                return new HistoryNote(legacyKind, after is null ? null : stored[before.Length..^after.Length]);
            }
        }
        return null;
    }
}
