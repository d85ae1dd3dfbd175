namespace Omnichat.Core.Channels;

/// <summary>
/// A connection with <see cref="ConnectionHealth">the start of its failure</see>. A class with init properties, not a
/// positional record: EF composes further queries (joins, orders) only over member initializers.
/// </summary>
public sealed class ConnectionFailingSince
{
    public required PageConnection Connection { get; init; }
    public DateTimeOffset? FailingSince { get; init; }
}
