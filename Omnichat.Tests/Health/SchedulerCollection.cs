namespace Omnichat.Tests.Health;

/// <summary>
/// Tests that run Quartz one after another: Quartz keeps schedulers in a process-wide repository by name, so two test
/// consoles with the scheduler on at the same time would reach each other's scheduler.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SchedulerCollection
{
    public const string Name = "Quartz scheduler";
}
