namespace Omnichat.Core.Operations;

/// <summary>One line of /healthz: what was probed, whether it is fine, and in words what is wrong when it is not.</summary>
public sealed record HealthProbe(string Name, bool Ok, string Detail);
