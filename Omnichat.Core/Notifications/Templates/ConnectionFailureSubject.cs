using Omnichat.Core.Resources;

namespace Omnichat.Core.Notifications.Templates;

/// <summary>The subject names the first page, so the inbox line alone says which page broke.</summary>
public static class ConnectionFailureSubject
{
    public static string For(EmailWords words, IReadOnlyList<FailedPage> pages) => pages.Count switch
    {
        0 => throw new ArgumentException("A failure e-mail is about at least one page.", nameof(pages)),
        1 => words.Format(nameof(EmailStrings.Subject_One), pages[0].PageName),
        _ => words.Format(nameof(EmailStrings.Subject_More), pages[0].PageName, pages.Count - 1),
    };
}
