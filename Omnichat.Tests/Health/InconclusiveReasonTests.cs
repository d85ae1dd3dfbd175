using System.Globalization;
using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Tests.Health;

/// <summary>Why a check could not decide, from Facebook's answer, and the words support reads for it.</summary>
public sealed class InconclusiveReasonTests
{
    public static TheoryData<GraphError, InconclusiveReason> Table => new()
    {
        { new GraphError(4, null, "(#4) Application request limit reached", IsTransient: true), InconclusiveReason.RateLimited },
        { new GraphError(17, null, "(#17) User request limit reached"), InconclusiveReason.RateLimited },
        { new GraphError(32, null, "(#32) Page request limit reached"), InconclusiveReason.RateLimited },
        { new GraphError(613, null, "Calls to this api have exceeded the rate limit."), InconclusiveReason.RateLimited },
        { new GraphError(80001, null, "There have been too many calls to this Page account."), InconclusiveReason.RateLimited },
        { new GraphError(1, null, "An unknown error occurred"), InconclusiveReason.Temporary },
        { new GraphError(2, null, "An unexpected error has occurred. Please retry your request later.", IsTransient: true, HttpStatus: 500), InconclusiveReason.Temporary },
        { GraphError.Timeout("Facebook did not answer in time"), InconclusiveReason.TimedOut },
        { GraphError.Transport("the answer is not Graph JSON", 503), InconclusiveReason.ServerError },
        { GraphError.Transport("the answer is not Graph JSON", 500), InconclusiveReason.ServerError },
        { GraphError.Transport("an HTTP error without a Graph error object", 499), InconclusiveReason.NoAnswer },
        { GraphError.Transport("the connection failed (ConnectionError)"), InconclusiveReason.NoAnswer },
        { GraphError.Transport("an HTTP error without a Graph error object", 404), InconclusiveReason.NoAnswer },
        { new GraphError(100, null, "(#100) Unsupported get request."), InconclusiveReason.Undecided },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void FromError_ErrorThatDecidesNothing_KeepsWhy(GraphError error, InconclusiveReason reason)
    {
        var verdict = PageVerdictRules.FromError(error);

        verdict.Outcome.ShouldBe(CheckOutcome.Inconclusive);
        verdict.Reason.ShouldBe(reason);
        verdict.Error.ShouldBe(error);
    }

    [Fact]
    public void FromError_ErrorThatDecidesNothing_DetailNamesFacebooksAnswer()
    {
        // Support reads this on the page's check history to tell Facebook's hiccup from ours.
        var verdict = PageVerdictRules.FromError(new GraphError(17, null, "(#17) User request limit reached"));

        verdict.Detail.ShouldNotBeNull();
        verdict.Detail.ShouldContain("(#17) User request limit reached");
    }

    [Fact]
    public void FromError_ErrorThatDecides_HasNoReason() =>
        PageVerdictRules.FromError(new GraphError(190, 460, "changed their password")).Reason.ShouldBeNull();

    [Fact]
    public void Decide_NullBatchItem_IsAMissingBatchItem() =>
        PageVerdictRules.Decide(new PageHealthAnswer("104500000000001", null, null), "app").Reason.ShouldBe(InconclusiveReason.MissingBatchItem);

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("en")]
    public void Unchecked_EveryReason_HasWordsWithItsCode(string culture)
    {
        var words = ConnectionWords.For(CultureInfo.GetCultureInfo(culture));

        foreach (var reason in Enum.GetValues<InconclusiveReason>())
        {
            words.Unchecked(reason, 613, 503).ShouldNotBeNullOrWhiteSpace();
        }
        words.Unchecked(InconclusiveReason.RateLimited, 613, null).ShouldContain("613");
        words.Unchecked(InconclusiveReason.ServerError, null, 503).ShouldContain("HTTP 503");
        words.Unchecked(InconclusiveReason.Undecided, 100, null).ShouldContain("100");
    }

    [Fact]
    public void Unchecked_English_IsNotTheChinese() =>
        ConnectionWords.For(CultureInfo.GetCultureInfo("en")).Unchecked(InconclusiveReason.TimedOut, null, null)
            .ShouldNotBe(ConnectionWords.For(CultureInfo.GetCultureInfo("zh-TW")).Unchecked(InconclusiveReason.TimedOut, null, null));
}
