using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;

namespace Omnichat.Tests.Facebook;

public sealed class ConsentDialogUrlTests
{
    private const string Redirect = "http://127.0.0.1:5999/facebook/oauth/callback?team=1&x=a b";
    private const string State = "s+t/a=te&1";

    [Fact]
    public void Build_ConfigIdSet_SendsConfigIdAndNoScope()
    {
        var options = GraphTestClient.Options();
        options.ConfigId = "1234567890";

        var url = ConsentDialogUrl.Build(options, Redirect, State, rerequest: false);

        url.GetLeftPart(UriPartial.Path).ShouldBe("http://127.0.0.1:5999/sandbox/dialog/v25.0/dialog/oauth");
        Query(url).ShouldBe(new Dictionary<string, string>
        {
            ["client_id"] = GraphTestClient.AppId,
            ["redirect_uri"] = Redirect,
            ["state"] = State,
            ["response_type"] = "code",
            ["config_id"] = "1234567890",
        }, ignoreOrder: true);
    }

    [Fact]
    public void BuildSystemUser_SendsItsConfigId_AndAsksForTheCode()
    {
        var options = GraphTestClient.Options();
        options.ConfigId = "1234567890";
        options.SystemUserConfigId = "9400000000000001";

        var url = ConsentDialogUrl.BuildSystemUser(options, Redirect, State);

        url.GetLeftPart(UriPartial.Path).ShouldBe("http://127.0.0.1:5999/sandbox/dialog/v25.0/dialog/oauth");
        Query(url).ShouldBe(new Dictionary<string, string>
        {
            ["client_id"] = GraphTestClient.AppId,
            ["redirect_uri"] = Redirect,
            ["state"] = State,
            ["config_id"] = "9400000000000001",
            ["response_type"] = "code",
            ["override_default_response_type"] = "true",
        }, ignoreOrder: true);
    }

    [Fact]
    public void BuildSystemUser_NotConfigured_IsABug()
    {
        Should.Throw<InvalidOperationException>(() => ConsentDialogUrl.BuildSystemUser(GraphTestClient.Options(), Redirect, State));
    }

    [Fact]
    public void Build_NoConfigId_SendsScopesAsCommaList()
    {
        var options = GraphTestClient.Options();
        options.Scopes = ["pages_show_list", "pages_messaging"];

        var url = ConsentDialogUrl.Build(options, Redirect, State, rerequest: false);

        var query = Query(url);
        query["scope"].ShouldBe("pages_show_list,pages_messaging");
        query.ShouldNotContainKey("config_id");
        query.ShouldNotContainKey("auth_type");
    }

    [Fact]
    public void Build_Rerequest_AddsAuthType()
    {
        var url = ConsentDialogUrl.Build(GraphTestClient.Options(), Redirect, State, rerequest: true);

        Query(url)["auth_type"].ShouldBe("rerequest");
    }

    [Fact]
    public void Build_ReservedCharacters_ArePercentEncoded()
    {
        var options = GraphTestClient.Options();
        options.DialogBaseUrl = "http://127.0.0.1:5999/sandbox/dialog/";

        var url = ConsentDialogUrl.Build(options, Redirect, State, rerequest: false);

        url.AbsoluteUri.ShouldContain("/sandbox/dialog/v25.0/dialog/oauth?");
        url.Query.ShouldContain("redirect_uri=http%3A%2F%2F127.0.0.1%3A5999%2Ffacebook%2Foauth%2Fcallback%3Fteam%3D1%26x%3Da%20b");
        url.Query.ShouldContain("state=s%2Bt%2Fa%3Dte%261");
    }

    private static IReadOnlyDictionary<string, string> Query(Uri url) =>
        new RecordedRequest(HttpMethod.Get, url, null, null).Query;
}
