using System.Globalization;
using System.Text.RegularExpressions;
using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Channels;

/// <summary>History notes are stored as codes and read in the reader's language; old English rows read the same.</summary>
public sealed partial class HistoryNoteTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-TW");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly GraphError SendError = new(10, 2018278, "(#10) Message sent outside of allowed window.", FbTraceId: "Tr4ce");

    public static TheoryData<HistoryNoteKind> Kinds() => new(Enum.GetValues<HistoryNoteKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_StoredNote_GivesItBack(HistoryNoteKind kind)
    {
        var note = new HistoryNote(kind, "(#10) a: b");

        HistoryNote.Parse(note.Stored).ShouldBe(note);
        HistoryNote.Parse(new HistoryNote(kind).Stored).ShouldBe(new HistoryNote(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Note_InChinese_HasNoEnglishWords(HistoryNoteKind kind)
    {
        var words = ConnectionWords.For(Chinese).Note(new HistoryNote(kind, "§").Stored)!;

        EnglishWords().Matches(words.Replace("§", "", StringComparison.Ordinal)).Select(m => m.Value)
            .Where(w => w is not ("Facebook" or "Omnichat" or "Messenger" or "standby" or "messaging"))
            .ShouldBeEmpty($"{kind}: {words}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Note_InEnglish_IsWorded_NotTheCode(HistoryNoteKind kind)
    {
        var stored = new HistoryNote(kind).Stored;

        ConnectionWords.For(English).Note(stored).ShouldNotBe(stored);
        ConnectionWords.For(English).Note(stored).ShouldNotBe(ConnectionWords.For(Chinese).Note(stored));
    }

    [Fact]
    public void Note_WithAnArgument_KeepsItWordForWord()
    {
        ConnectionWords.For(Chinese).Note(HistoryNote.ReplyFailed(SendError)).ShouldBe("一則回覆失敗：" + SendError);
        ConnectionWords.For(English).Note(HistoryNote.ReplyFailed(SendError)).ShouldBe("A reply failed: " + SendError);
        ConnectionWords.For(Chinese).Note(HistoryNote.FacebookUser("Dana Chen")).ShouldBe("Facebook 帳號：Dana Chen");
    }

    [Theory]
    [InlineData("Facebook user Dana Chen", "Facebook 帳號：Dana Chen")]
    [InlineData("reauthorized", "已重新授權")]
    [InlineData("connected", "已串接")]
    [InlineData("disconnected", "已解除串接")]
    [InlineData("A reply failed: (#10) Nope", "一則回覆失敗：(#10) Nope")]
    [InlineData("Customer events arrive under standby: another app is the page's Messenger receiver.", "顧客訊息改由 standby 管道送達：其他應用程式是此專頁的 Messenger 主要接收者。")]
    [InlineData("webhook subscription was missing; subscribed again", "訊息訂閱已中斷，Omnichat 已自動重新訂閱。")]
    [InlineData("the batch timed out before this page's calls ran", "Facebook 的批次要求在此專頁的呼叫執行前就逾時了。")]
    [InlineData("Not sent: the team's plan ended on 2026-10-31.", "未寄出：團隊方案已於 2026-10-31 結束。")]
    [InlineData("The mail server did not take the e-mail within 60 s.", "郵件伺服器沒有在 60 秒內收下這封信。")]
    [InlineData("The team no longer exists.", "未寄出：此團隊已不存在。")]
    public void Note_RowWrittenBeforeNotes_ReadsInChinese(string stored, string expected)
    {
        ConnectionWords.For(Chinese).Note(stored).ShouldBe(expected);
    }

    [Theory]
    [InlineData("(#190/460) Error validating access token: The session has been invalidated [fbtrace AbC]")]
    [InlineData("190/460")]
    [InlineData("5.7.1 Relaying denied")]
    public void Note_SomeoneElsesText_IsShownAsStored(string stored)
    {
        HistoryNote.Parse(stored).ShouldBeNull();
        ConnectionWords.For(Chinese).Note(stored).ShouldBe(stored);
    }

    [Fact]
    public void Note_Nothing_IsNull()
    {
        ConnectionWords.For(Chinese).Note(null).ShouldBeNull();
        ConnectionWords.For(Chinese).Note("").ShouldBeNull();
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWords();
}
