namespace Omnichat.Console.Sandbox.Control;

public sealed record TasksRequest(string[]? Tasks);
