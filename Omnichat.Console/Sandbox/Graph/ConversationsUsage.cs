namespace Omnichat.Console.Sandbox.Graph;

/// <summary>One page's Conversations API calls, for <c>conversationsApi</c> in the sandbox state.</summary>
public sealed record ConversationsUsage(int Calls, int Refused, int MostInOneSecond);
