using System.Text;
using Omnichat.Core.Resources;

namespace Omnichat.Core.Notifications.Templates;

/// <summary>The plain-text part: the same content as the HTML, for clients that show text only and for spam filters.</summary>
public static class ConnectionFailureText
{
    public static string Build(ConnectionFailureEmailModel model)
    {
        var words = model.Words;
        var text = new StringBuilder();
        text.AppendLine(words[nameof(EmailStrings.Heading)]).AppendLine();
        text.AppendLine(words.Format(nameof(EmailStrings.Greeting), model.TeamName)).AppendLine();
        text.AppendLine(Intro(model)).AppendLine();
        foreach (var page in model.Pages)
        {
            text.AppendLine($"■ {page.PageName}");
            text.AppendLine($"  {words.Format(nameof(EmailStrings.PageId), page.PageId)}");
            text.AppendLine($"  {words[nameof(EmailStrings.StatusLabel)]} {words.Status(page.Status)}");
            if (page.FailingSince is { } since)
            {
                text.AppendLine($"  {words[nameof(EmailStrings.FailingSinceLabel)]} {model.Time.DateAndTimeWithZone(since)}");
            }
            var cause = words.Cause(page.Cause);
            if (cause.Length > 0)
            {
                text.AppendLine($"  {words[nameof(EmailStrings.CauseLabel)]} {cause}");
            }
            if (words.WhoCanFix(page) is { Length: > 0 } who)
            {
                text.AppendLine($"  {who}");
            }
            var steps = words.FixSteps(page);
            if (steps.Count > 0)
            {
                text.AppendLine($"  {words[nameof(EmailStrings.FixLabel)]}");
                for (var i = 0; i < steps.Count; i++)
                {
                    text.AppendLine($"  {i + 1}. {steps[i]}");
                }
            }
            text.AppendLine();
        }
        text.AppendLine($"{words[nameof(EmailStrings.Button)]}: {model.ChannelsUrl}").AppendLine();
        text.AppendLine(words[nameof(EmailStrings.OnlyReminder)]);
        text.AppendLine(words[nameof(EmailStrings.LaterPages)]).AppendLine();
        text.AppendLine("--");
        text.AppendLine(words.Format(nameof(EmailStrings.Footer), model.TeamName));
        return text.ToString();
    }

    internal static string Intro(ConnectionFailureEmailModel model) => model.Pages.Count == 1
        ? model.Words[nameof(EmailStrings.Intro_One)]
        : model.Words.Format(nameof(EmailStrings.Intro_Many), model.Pages.Count);
}
