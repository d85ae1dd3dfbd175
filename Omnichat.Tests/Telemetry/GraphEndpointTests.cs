using Omnichat.Core.Telemetry;

namespace Omnichat.Tests.Telemetry;

/// <summary>Graph paths become bounded labels: the words stay, every id is <c>{id}</c>.</summary>
public sealed class GraphEndpointTests
{
    [Theory]
    [InlineData("me/accounts", "me/accounts")]
    [InlineData("debug_token", "debug_token")]
    [InlineData("oauth/access_token", "oauth/access_token")]
    [InlineData("104500000000001/subscribed_apps", "{id}/subscribed_apps")]
    [InlineData("104500000000001/messages", "{id}/messages")]
    [InlineData("7400000000000001", "{id}")]
    [InlineData("me?fields=id,name&access_token=EAAB", "me")]
    [InlineData("", "batch")]
    [InlineData("/", "batch")]
    public void Template_KeepsWordsAndHidesIds(string path, string expected) => GraphEndpoint.Template(path).ShouldBe(expected);
}
