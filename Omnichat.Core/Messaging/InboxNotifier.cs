using Omnichat.Core.Teams;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Tells a team's open inbox pages that conversations changed (a message came in, a reply was sent or delivered), so
/// they refresh without a reload. The processor and the reply service notify; pages subscribe and dispose.
/// </summary>
public sealed class InboxNotifier(ChangeRouter router, IChangeBus bus, TimeProvider time) : TeamNotifier(router, bus, time, "inbox");
