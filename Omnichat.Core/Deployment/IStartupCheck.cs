namespace Omnichat.Core.Deployment;

/// <summary>
/// A condition of this start beyond the configuration's keys (another instance holding what this one needs). Its
/// problems are reported with the configuration's, in the one refusal message.
/// </summary>
public interface IStartupCheck
{
    IEnumerable<string> FindProblems();
}
