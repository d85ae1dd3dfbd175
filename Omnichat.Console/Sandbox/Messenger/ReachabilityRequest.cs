using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Messenger;

public sealed record ReachabilityRequest(Reachability? Reachability);
