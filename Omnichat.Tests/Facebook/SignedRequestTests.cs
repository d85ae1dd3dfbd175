using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Facebook;

public sealed class SignedRequestTests
{
    private const string Secret = "app-secret";

    private static string Sign(string json, string secret = Secret)
    {
        var payload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(payload));
        return WebEncoders.Base64UrlEncode(signature) + "." + payload;
    }

    [Fact]
    public void ReadUserId_ValidRequest_ReturnsTheUser() =>
        SignedRequest.ReadUserId(Sign("""{"user_id":"780170000000001","algorithm":"HMAC-SHA256","issued_at":1624244156}"""), Secret)
            .ShouldBe("780170000000001");

    [Fact]
    public void ReadUserId_SignedWithAnotherSecret_IsRejected() =>
        SignedRequest.ReadUserId(Sign("""{"user_id":"1","algorithm":"HMAC-SHA256"}""", "other"), Secret).ShouldBeNull();

    [Fact]
    public void ReadUserId_PayloadSwappedAfterSigning_IsRejected()
    {
        var genuine = Sign("""{"user_id":"1","algorithm":"HMAC-SHA256"}""");
        var forged = genuine.Split('.')[0] + "." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("""{"user_id":"2","algorithm":"HMAC-SHA256"}"""));

        SignedRequest.ReadUserId(forged, Secret).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("!!!.???")]
    [InlineData("a.b.c")]
    public void ReadUserId_Malformed_IsRejected(string? signedRequest) => SignedRequest.ReadUserId(signedRequest, Secret).ShouldBeNull();

    [Fact]
    public void ReadUserId_OtherAlgorithm_IsRejected() =>
        SignedRequest.ReadUserId(Sign("""{"user_id":"1","algorithm":"none"}"""), Secret).ShouldBeNull();
}
