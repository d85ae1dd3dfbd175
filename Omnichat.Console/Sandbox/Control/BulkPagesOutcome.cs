namespace Omnichat.Console.Sandbox.Control;

/// <summary>The result of adding pages in bulk, with the new page ids in order.</summary>
public sealed record BulkPagesOutcome(ControlOutcome Outcome, IReadOnlyList<string> PageIds);
