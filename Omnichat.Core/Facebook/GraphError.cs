using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>
/// One Graph API error as Facebook reported it (§8.1 of the wire notes). Transport failures (timeout,
/// connection refused, an answer that is not Graph JSON) use <see cref="Code"/> 0: "no answer from Facebook".
/// </summary>
public sealed record GraphError(
    int Code,
    int? Subcode,
    string Message,
    string? Type = null,
    string? FbTraceId = null,
    bool? IsTransient = null,
    string? UserTitle = null,
    string? UserMessage = null,
    int? HttpStatus = null)
{
    public const int TransportCode = 0;

    public static GraphError Transport(string message, int? httpStatus = null) =>
        new(TransportCode, null, message, HttpStatus: httpStatus);

    /// <summary>No answer within the client's timeout: support tells a slow Facebook from a refused connection by it.</summary>
    public static GraphError Timeout(string message) => Transport(message) with { TimedOut = true };

    public bool IsTransport => Code == TransportCode;

    public bool TimedOut { get; init; }

    /// <summary>"(#190/460) message [fbtrace AbC]"; token-like text is redacted because this string ends up in logs and e-mails.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(IsTransport ? "(no answer from Facebook" : $"(#{Code}");
        if (Subcode is { } subcode)
        {
            text.Append('/').Append(subcode);
        }
        if (IsTransport && HttpStatus is { } status)
        {
            text.Append(", HTTP ").Append(status);
        }
        text.Append(") ").Append(TokenRedactor.Redact(WithoutCodePrefix()));
        if (!string.IsNullOrEmpty(FbTraceId))
        {
            text.Append(" [fbtrace ").Append(FbTraceId).Append(']');
        }
        return text.ToString();
    }

    // Meta often starts the message with "(#100) "; printing the code twice reads badly in e-mails.
    private string WithoutCodePrefix()
    {
        var prefix = $"(#{Code}) ";
        return Message.StartsWith(prefix, StringComparison.Ordinal) ? Message[prefix.Length..] : Message;
    }
}
