namespace Omnichat.Console.Components.Pages.Support;

/// <summary>
/// The vertical axis of a chart of counts (pages per day): whole-number ticks spaced 1, 2, 5, 10, 20, 50... with at
/// most five steps up to the tallest bar. Left to itself MudBlazor spaces ticks 20 apart, which draws bars of one or
/// two pages as slivers under an axis of 0-20.
/// </summary>
public static class CountAxis
{
    private const int MaxSteps = 5;

    public static int Step(int highest)
    {
        var step = 1;
        for (var magnitude = 1; highest > step * MaxSteps; magnitude *= 10)
        {
            foreach (var factor in (ReadOnlySpan<int>)[1, 2, 5])
            {
                step = factor * magnitude;
                if (highest <= step * MaxSteps)
                {
                    break;
                }
            }
        }
        return step;
    }
}
