namespace Omnichat.Console.Benchmarks;

/// <summary>How many rows of each kind <see cref="SupportListSeed"/> wrote.</summary>
public sealed record SupportSeedCounts(int Teams, int Connections, long Checks, int Episodes, int Emails, long Events);
