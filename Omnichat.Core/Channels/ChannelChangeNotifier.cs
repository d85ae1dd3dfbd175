using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>
/// Tells open pages of a team that its channel data changed (a consent came back in another tab, a page was
/// connected elsewhere, a check changed a status), so they refresh without a reload.
/// </summary>
public sealed class ChannelChangeNotifier(ChangeRouter router, IChangeBus bus, TimeProvider time) : TeamNotifier(router, bus, time, "channels");
