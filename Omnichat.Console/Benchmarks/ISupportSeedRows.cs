namespace Omnichat.Console.Benchmarks;

/// <summary>
/// Where <see cref="SupportListSeed"/> puts its rows: one writer per provider, each the fastest bulk path it has.
/// Values come as the model's types (Guid, UTC ticks as long, enum names as strings, DateOnly, int); the writer stores
/// them as the provider's EF mapping does. Synchronous, on the seeding thread: tens of millions of rows.
/// </summary>
public interface ISupportSeedRows : IDisposable
{
    void Add(SupportSeedTable table, params ReadOnlySpan<object?> values);

    /// <summary>Commits, rebuilds what was set aside for speed (indexes, constraints) and refreshes the statistics.</summary>
    void Finish();
}
