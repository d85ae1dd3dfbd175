using Omnichat.Core.Background;

namespace Omnichat.Core.Backfill;

/// <summary>Wakes the back-fill worker when a gap closed or support asked for one, instead of at its next poll.</summary>
public sealed class BackfillSignal(TimeProvider timeProvider) : WakeSignal(timeProvider);
