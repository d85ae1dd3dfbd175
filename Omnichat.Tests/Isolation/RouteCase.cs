namespace Omnichat.Tests.Isolation;

/// <summary>One route's isolation case: the route pattern as the console maps it, who asks, and the check.</summary>
public sealed record RouteCase(string Pattern, string Who, Func<IsolationWorld, Task> Run)
{
    public override string ToString() => $"{Pattern}: {Who}";
}
