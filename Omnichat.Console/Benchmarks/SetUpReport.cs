namespace Omnichat.Console.Benchmarks;

/// <summary>How the world was set up and how long each step took (not part of what is measured).</summary>
/// <param name="People">Sandbox users who consented; with two tokens per page, the second ones' tokens are every page's backup.</param>
public sealed record SetUpReport(int Connections, int People, TimeSpan Pages, TimeSpan Consent, int ConsentGraphRequests, TimeSpan Insert, TimeSpan Total);
