namespace Omnichat.Core.Channels;

/// <summary>What Omnichat itself wrote into a connection's history (its checks, events and e-mails); <see cref="HistoryNote"/> stores it, <see cref="ConnectionWords.Note"/> words it.</summary>
public enum HistoryNoteKind
{
    /// <summary>The status change that connecting made.</summary>
    Connected,
    /// <summary>The status change that a reauthorization made.</summary>
    Reauthorized,
    /// <summary>The status change that disconnecting made.</summary>
    Disconnected,
    /// <summary>Which Facebook account connected or reauthorized the page (the argument is its name).</summary>
    FacebookUser,
    /// <summary>Customer events came under standby: another app is the page's Messenger receiver.</summary>
    ReceiverStandby,
    /// <summary>Customer events came under messaging again: Omnichat is the receiver.</summary>
    ReceiverMessaging,
    /// <summary>A reply's Send API error decided the connection's status (the argument is Facebook's error).</summary>
    ReplyFailed,
    /// <summary>Our app was missing from the page's subscribed apps.</summary>
    WebhookMissing,
    /// <summary>The checker subscribed our app again.</summary>
    Resubscribed,
    /// <summary>Subscribing our app again failed.</summary>
    ResubscribeFailed,
    /// <summary>Our app's subscription lacked webhook fields the inbox needs; subscribed again (the argument lists them).</summary>
    FieldsRepaired,
    /// <summary>Subscribing again got no usable answer (the argument is Facebook's error).</summary>
    ResubscribeUnanswered,
    /// <summary>The batch answered null for this page's calls.</summary>
    BatchItemMissing,
    /// <summary>The whole batch got no answer (the argument is the error).</summary>
    BatchUnanswered,
    /// <summary>Facebook answered with an error that decides nothing (the argument is the error).</summary>
    FacebookAnswered,
    /// <summary>A failure e-mail was not sent: its team no longer exists.</summary>
    EmailTeamGone,
    /// <summary>A failure e-mail was not sent: the team's plan had ended (the argument is its last day, yyyy-MM-dd).</summary>
    EmailPlanEnded,
    /// <summary>A failure e-mail was not sent: its stored content could not be read (the argument says why).</summary>
    EmailUnreadable,
    /// <summary>A failure e-mail was not sent: the team has nobody to send it to.</summary>
    EmailNoRecipients,
    /// <summary>The mail server did not take the e-mail in time (the argument is the timeout in seconds).</summary>
    EmailTimedOut,
    /// <summary>The token in use ended for its person; another person's took over (the argument: cause, from, to).</summary>
    FailedOver,
    /// <summary>The person's newest consent left the page or one of its permissions out (the argument: their Facebook name).</summary>
    NotTicked,
}
