using System.Globalization;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Channels;

/// <summary>The short cause labels a filter or a narrow cell shows instead of the sentence: one for every cause, in both languages.</summary>
public sealed class CauseLabelTests
{
    public static TheoryData<string> Cultures() => ["zh-TW", "en"];

    private static IEnumerable<FailureCause> Causes => Enum.GetValues<FailureCause>().Where(c => c != FailureCause.None);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CauseLabel_EveryCause_AFewWordsOfItsOwn_ShorterThanTheSentence(string culture)
    {
        var words = ConnectionWords.For(CultureInfo.GetCultureInfo(culture));
        // A few words: what fits a 240 px select without wrapping.
        var longest = culture == "en" ? 26 : 16;

        foreach (var cause in Causes)
        {
            var label = words.CauseLabel(cause);
            label.Length.ShouldBeInRange(2, longest, $"{cause}: \"{label}\"");
            label.Length.ShouldBeLessThan(words.Cause(cause).Length / 2, $"{cause}: the label is a label, not the sentence");
            label.ShouldNotContain("。");
            label.ShouldNotEndWith(".");
        }
        Causes.Select(words.CauseLabel).Distinct().Count().ShouldBe(Causes.Count(), "a filter with two equal entries cannot be told apart");
    }

    [Fact]
    public void CauseLabel_None_IsEmpty()
    {
        ConnectionWords.For(CultureInfo.GetCultureInfo("zh-TW")).CauseLabel(FailureCause.None).ShouldBeEmpty();
    }

    [Fact]
    public void CauseLabel_English_IsNotTheChineseOne()
    {
        var zh = ConnectionWords.For(CultureInfo.GetCultureInfo("zh-TW"));
        var en = ConnectionWords.For(CultureInfo.GetCultureInfo("en"));

        en.CauseLabel(FailureCause.Checkpoint).ShouldBe("Account locked");
        zh.CauseLabel(FailureCause.Checkpoint).ShouldBe("帳號暫時鎖定");
    }
}
