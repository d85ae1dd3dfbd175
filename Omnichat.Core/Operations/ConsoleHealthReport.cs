namespace Omnichat.Core.Operations;

/// <summary>Everything /healthz reports; <see cref="Ok"/> is false when any probe failed.</summary>
public sealed record ConsoleHealthReport(IReadOnlyList<HealthProbe> Probes, IReadOnlyList<string> Warnings)
{
    public bool Ok => Probes.All(p => p.Ok);

    public IEnumerable<HealthProbe> Failing => Probes.Where(p => !p.Ok);
}
