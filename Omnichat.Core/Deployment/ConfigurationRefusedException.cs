namespace Omnichat.Core.Deployment;

/// <summary>The configuration cannot run safely; the message names every key to fix.</summary>
public sealed class ConfigurationRefusedException(IReadOnlyList<string> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        $"The console will not start: {problems.Count} configuration {(problems.Count == 1 ? "problem" : "problems")} " +
        "(set keys in appsettings.json or as environment variables, e.g. Console__PublicUrl):" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
