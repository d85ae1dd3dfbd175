using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

public sealed class CustomerNameFormatTests
{
    [Theory]
    [InlineData("怡君", "陳", "陳怡君")]
    [InlineData("志明", "歐陽", "歐陽志明")]
    [InlineData("Amy", "Wang", "Amy Wang")]
    [InlineData("Amy", "王", "Amy 王")]
    [InlineData("怡君", "Chen", "怡君 Chen")]
    [InlineData("  怡君 ", " 陳", "陳怡君")]
    [InlineData("Amy", null, "Amy")]
    [InlineData(null, "陳", "陳")]
    [InlineData("", "  ", null)]
    [InlineData(null, null, null)]
    public void Format_FirstAndLast_ChineseFamilyFirstWithoutSpaceElseFirstLast(string? first, string? last, string? expected) =>
        CustomerNameFormat.Format(first, last).ShouldBe(expected);

    [Fact]
    public void Format_ExtensionBIdeograph_CountsAsChinese() =>
        CustomerNameFormat.Format("\U00020BB7明", "林").ShouldBe("林\U00020BB7明");
}
