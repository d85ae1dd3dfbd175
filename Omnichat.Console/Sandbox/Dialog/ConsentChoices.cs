namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>What a user picked in the consent dialog (or what a test says they picked).</summary>
public sealed record ConsentChoices(
    bool AllPages,
    IReadOnlyList<string> PageIds,
    bool AllBusinesses,
    IReadOnlyList<string> BusinessIds,
    IReadOnlyList<string> RequestedScopes,
    IReadOnlyList<string> DeclinedScopes);
