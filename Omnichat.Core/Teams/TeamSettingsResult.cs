namespace Omnichat.Core.Teams;

/// <summary>What a settings change did; <see cref="InvalidAddresses"/> lists each rejected entry as typed.</summary>
public sealed record TeamSettingsResult(TeamSettingsOutcome Outcome, IReadOnlyList<string> InvalidAddresses)
{
    public static readonly TeamSettingsResult Saved = new(TeamSettingsOutcome.Saved, []);
    public static readonly TeamSettingsResult NotAllowed = new(TeamSettingsOutcome.NotAllowed, []);
    public static readonly TeamSettingsResult NotFound = new(TeamSettingsOutcome.NotFound, []);
    public static readonly TeamSettingsResult UnsupportedCulture = new(TeamSettingsOutcome.UnsupportedCulture, []);
    public static readonly TeamSettingsResult UnsupportedTimeZone = new(TeamSettingsOutcome.UnsupportedTimeZone, []);

    public bool Succeeded => Outcome == TeamSettingsOutcome.Saved;
}
