using Microsoft.Extensions.Options;

namespace Omnichat.Core.Deployment;

/// <summary>
/// Validates every section registered with <see cref="ValidatedOptions.AddValidatedOptions{TOptions}"/> and collects
/// all problems, so an operator fixes a configuration in one restart instead of one key per restart.
/// </summary>
public sealed class ConfigurationCheck(IServiceProvider services, IEnumerable<ValidatedSection> sections, IEnumerable<IStartupCheck> startupChecks)
{
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        foreach (var section in sections.DistinctBy(s => s.Name))
        {
            try
            {
                _ = section.Resolve(services);
            }
            catch (OptionsValidationException ex)
            {
                problems.AddRange(ex.Failures);
            }
        }
        // Only a valid configuration says which file or server the checks are about.
        if (problems.Count == 0)
        {
            problems.AddRange(startupChecks.SelectMany(check => check.FindProblems()));
        }
        return problems;
    }

    /// <summary>Throws <see cref="ConfigurationRefusedException"/> naming every problem when there is one.</summary>
    public void EnsureValid()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            throw new ConfigurationRefusedException(problems);
        }
    }
}
