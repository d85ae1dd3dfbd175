using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;
using Omnichat.Core.Notifications.Templates;

namespace Omnichat.Tests.Notifications.Templates;

public sealed class ConnectionFailureSubjectTests
{
    private static readonly FailedPage Taipei = new(Guid.NewGuid(), "1", "台北店", ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired);
    private static readonly FailedPage Tainan = new(Guid.NewGuid(), "2", "台南店", ConnectionStatus.MissingPermission, FailureCause.PermissionMissing);
    private static readonly FailedPage Kaohsiung = new(Guid.NewGuid(), "3", "高雄店", ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost);

    [Fact]
    public void For_OnePageChinese_NamesThePage()
    {
        ConnectionFailureSubject.For(EmailWords.For("zh-TW"), [Taipei]).ShouldBe("[Omnichat] Facebook 專頁串接失效：台北店");
    }

    [Fact]
    public void For_ThreePagesChinese_NamesTheFirstAndCountsTheRest()
    {
        ConnectionFailureSubject.For(EmailWords.For("zh-TW"), [Taipei, Tainan, Kaohsiung])
            .ShouldBe("[Omnichat] Facebook 專頁串接失效：台北店 及其他 2 個專頁");
    }

    [Fact]
    public void For_TwoPagesEnglish_SaysAndOneMore()
    {
        ConnectionFailureSubject.For(EmailWords.For("en"), [Taipei, Tainan])
            .ShouldBe("[Omnichat] Facebook Page connection failed: 台北店 and 1 more");
    }

    [Fact]
    public void For_UnknownCulture_FallsBackToChinese()
    {
        ConnectionFailureSubject.For(EmailWords.For("fr"), [Taipei]).ShouldStartWith("[Omnichat] Facebook 專頁串接失效");
    }
}
