namespace Omnichat.Core.Backfill;

public enum BackfillState
{
    /// <summary>The gap is still open: nothing to read yet.</summary>
    Waiting,
    Pending,
    Running,
    Done,
    /// <summary>Stopped by an error that waiting does not cure (token, permission); the counts so far are kept.</summary>
    Failed,
    /// <summary>The connection was disconnected before the gap closed: there is no token to read with.</summary>
    Skipped,
}
