namespace Omnichat.Console.Benchmarks;

/// <summary>How the world was set up and how long each step took (not part of what is measured).</summary>
public sealed record SetUpReport(int Connections, TimeSpan Pages, TimeSpan Consent, int ConsentGraphRequests, TimeSpan Insert, TimeSpan Total);
