using Quartz;

namespace Omnichat.Core.Health;

internal static class CronSchedule
{
    public static bool IsValid(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
