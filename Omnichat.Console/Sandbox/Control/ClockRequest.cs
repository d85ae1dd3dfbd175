namespace Omnichat.Console.Sandbox.Control;

/// <summary>Body of <c>POST /sandbox/api/clock/advance</c>: seconds and/or minutes to add to the world's clock.</summary>
public sealed record ClockRequest(long Seconds, long Minutes);
