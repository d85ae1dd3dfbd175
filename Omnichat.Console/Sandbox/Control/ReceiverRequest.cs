namespace Omnichat.Console.Sandbox.Control;

public sealed record ReceiverRequest(string? AppId);
