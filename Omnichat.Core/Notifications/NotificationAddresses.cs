using System.Net.Mail;

namespace Omnichat.Core.Notifications;

/// <summary>
/// Reading and writing <see cref="Teams.Team.NotificationEmails"/>: addresses separated by commas, semicolons or
/// line breaks, de-duplicated without regard to case.
/// </summary>
public static class NotificationAddresses
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', ' ', '\t'];

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>A bare address only (no display name, no angle brackets): what people type in the settings page.</summary>
    public static bool IsValid(string address) =>
        MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && string.IsNullOrEmpty(parsed.DisplayName)
        && parsed.Host.Length > 0;

    public static string Join(IEnumerable<string> addresses) => string.Join(",", addresses);

    /// <summary>The team's admins first, then the extra addresses; one entry per address, case-insensitive.</summary>
    public static IReadOnlyList<string> Merge(IEnumerable<string?> adminEmails, string? notificationEmails) =>
        adminEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim())
            .Concat(Split(notificationEmails))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
