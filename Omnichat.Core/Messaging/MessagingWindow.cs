namespace Omnichat.Core.Messaging;

/// <summary>
/// Whether a reply may go out now, and how (§7.1): RESPONSE within 24 hours of the customer's last message; from 24
/// hours to 7 days only with the HUMAN_AGENT tag, and only when the app has that feature (<c>Facebook:HumanAgentEnabled</c>).
/// </summary>
public sealed record MessagingWindow(WindowState State, DateTimeOffset? ClosesAt)
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgent = TimeSpan.FromDays(7);

    public const string Response = "RESPONSE";
    public const string MessageTag = "MESSAGE_TAG";
    public const string HumanAgentTag = "HUMAN_AGENT";

    public bool CanSend => State is WindowState.Open or WindowState.HumanAgent;

    public string? MessagingType => State switch
    {
        WindowState.Open => Response,
        WindowState.HumanAgent => MessageTag,
        _ => null,
    };

    public string? Tag => State == WindowState.HumanAgent ? HumanAgentTag : null;

    public static MessagingWindow Decide(DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now, bool humanAgentEnabled)
    {
        if (lastCustomerMessageAt is not { } last)
        {
            return new(WindowState.NoCustomerMessage, null);
        }
        var age = now - last;
        if (age < Standard)
        {
            return new(WindowState.Open, last + Standard);
        }
        if (age < HumanAgent)
        {
            return humanAgentEnabled ? new(WindowState.HumanAgent, last + HumanAgent) : new(WindowState.HumanAgentDisabled, last + HumanAgent);
        }
        return new(WindowState.Closed, null);
    }
}
