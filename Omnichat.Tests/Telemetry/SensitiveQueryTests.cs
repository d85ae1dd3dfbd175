using Omnichat.Console.Telemetry;

namespace Omnichat.Tests.Telemetry;

/// <summary>The one rule that takes credentials out of recorded URLs, as a table.</summary>
public sealed class SensitiveQueryTests
{
    [Theory]
    [InlineData("http://h/v25.0/me?fields=id,name&access_token=EAAB123", "http://h/v25.0/me?fields=id,name&access_token=REDACTED")]
    [InlineData("http://h/debug_token?input_token=EAAPage&access_token=1|secret", "http://h/debug_token?input_token=REDACTED&access_token=REDACTED")]
    [InlineData("http://h/oauth/access_token?client_id=1&client_secret=s3&code=AQD", "http://h/oauth/access_token?client_id=1&client_secret=REDACTED&code=REDACTED")]
    [InlineData("?grant_type=fb_exchange_token&fb_exchange_token=EAAU", "?grant_type=fb_exchange_token&fb_exchange_token=REDACTED")]
    [InlineData("access_token=EAAB&appsecret_proof=abc", "access_token=REDACTED&appsecret_proof=REDACTED")]
    [InlineData("?hub.mode=subscribe&hub.verify_token=v&hub.challenge=9", "?hub.mode=subscribe&hub.verify_token=REDACTED&hub.challenge=9")]
    [InlineData("http://h/x?ACCESS_TOKEN=EAAB", "http://h/x?ACCESS_TOKEN=REDACTED")]
    [InlineData("http://h/next%3Faccess_token%3DEAAB", "http://h/next%3Faccess_token%3DEAAB")]
    [InlineData("http://h/next?u=%3Faccess_token=EAAB", "http://h/next?u=%3Faccess_token=REDACTED")]
    public void Strip_ReplacesEveryCredentialAndKeepsTheRest(string recorded, string expected) =>
        SensitiveQuery.Strip(recorded).ShouldBe(expected);

    [Theory]
    [InlineData("http://h/me/accounts?fields=id&limit=25&after=QVFI")]
    [InlineData("error_code=190")]
    [InlineData("SELECT \"Code\" = @p0")]
    [InlineData("")]
    public void Strip_WithoutCredentials_ChangesNothing(string recorded) =>
        SensitiveQuery.Strip(recorded).ShouldBe(recorded);
}
