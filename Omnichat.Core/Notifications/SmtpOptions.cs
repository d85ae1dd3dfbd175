namespace Omnichat.Core.Notifications;

/// <summary>Configuration section "Email:Smtp".</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>
    /// Require TLS (implicit TLS on port 465, STARTTLS elsewhere). When false, STARTTLS is still used if the server
    /// offers it, so a local relay without TLS works and a real server is not talked to in the clear.
    /// </summary>
    public bool UseTls { get; set; }

    public string User { get; set; } = "";
    public string Password { get; set; } = "";
}
