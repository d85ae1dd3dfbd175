using Omnichat.Console.Components.Pages.Support;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class CountAxisTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 5)]
    [InlineData(25, 5)]
    [InlineData(26, 10)]
    [InlineData(200, 50)]
    [InlineData(531, 200)]
    public void Step_TallestBar_WholeNumbersAtMostFiveStepsUpToIt(int highest, int step)
    {
        CountAxis.Step(highest).ShouldBe(step);
    }
}
