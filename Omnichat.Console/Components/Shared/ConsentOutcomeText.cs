using Microsoft.Extensions.Localization;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;

namespace Omnichat.Console.Components.Shared;

/// <summary>
/// The part of a consent's result that explains the count: pages the consent covered that the team still cannot
/// connect, by the authorized list's reasons. Every member of <see cref="PageAvailability"/> is named, so a new
/// reason without words fails to compile.
/// </summary>
public static class ConsentOutcomeText
{
    /// <summary>One sentence ending in a space, or empty when the consent left nothing out.</summary>
    public static string NotConnectable(IStringLocalizer<FacebookStrings> loc, ConsentOutcome outcome)
    {
        var counts = outcome.NotConnectable.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToList();
        if (counts.Count == 0)
        {
            return "";
        }
        var reasons = string.Join(loc[nameof(FacebookStrings.Outcome_ListSeparator)], counts.Select(kv => loc[Reason(kv.Key), kv.Value].Value));
        return loc[nameof(FacebookStrings.Outcome_NotConnectable), counts.Sum(kv => kv.Value), reasons];
    }

    /// <summary>One sentence ending in a space about the connected pages this consent backs up, or empty when none.</summary>
    public static string Backups(IStringLocalizer<FacebookStrings> loc, ConsentOutcome outcome) =>
        outcome.BackupPageCount > 0 ? loc[nameof(FacebookStrings.Outcome_Backups), outcome.BackupPageCount, outcome.FacebookUserName ?? ""] : "";

    /// <summary>One sentence ending in a space about the failing pages this consent repaired as well, or empty when none.</summary>
    public static string Repaired(IStringLocalizer<FacebookStrings> loc, ConsentOutcome outcome) =>
        outcome.RepairedPageCount > 0 ? loc[nameof(FacebookStrings.Outcome_Repaired), outcome.RepairedPageCount] : "";

    private static string Reason(PageAvailability availability) => availability switch
    {
        PageAvailability.NotPageAdmin => nameof(FacebookStrings.Outcome_NotConnectable_NotPageAdmin),
        PageAvailability.PermissionMissing => nameof(FacebookStrings.Outcome_NotConnectable_PermissionMissing),
        PageAvailability.ConnectedByAnotherTeam => nameof(FacebookStrings.Outcome_NotConnectable_ConnectedByAnotherTeam),
        PageAvailability.PageNotGranted => nameof(FacebookStrings.Outcome_NotConnectable_PageNotGranted),
        // Connectable pages are in the count itself, never in this sentence.
        PageAvailability.Available or PageAvailability.ConnectedByThisTeam => throw new ArgumentOutOfRangeException(nameof(availability), availability, null),
        _ => throw new ArgumentOutOfRangeException(nameof(availability), availability, null),
    };
}
