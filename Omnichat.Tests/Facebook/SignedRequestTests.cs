using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Facebook;

public sealed class SignedRequestTests
{
    private const string Secret = "app-secret";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly long IssuedNow = Now.ToUnixTimeSeconds();

    private static string Sign(string json, string secret = Secret) => SignPayload(WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json)), secret);

    private static string SignPayload(string payload, string secret = Secret)
    {
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(payload));
        return WebEncoders.Base64UrlEncode(signature) + "." + payload;
    }

    private static string Payload(string userId = "\"780170000000001\"", long? issuedAt = null) =>
        $$"""{"user_id":{{userId}},"algorithm":"HMAC-SHA256","issued_at":{{issuedAt ?? IssuedNow}}}""";

    [Fact]
    public void ReadUserId_ValidRequest_ReturnsTheUser() =>
        SignedRequest.ReadUserId(Sign(Payload()), Secret, Now).ShouldBe("780170000000001");

    [Fact]
    public void ReadUserId_NumericUserId_ReturnsItsDigits() =>
        SignedRequest.ReadUserId(Sign(Payload(userId: "780170000000001")), Secret, Now).ShouldBe("780170000000001");

    [Fact]
    public void ReadUserId_SignedWithAnotherSecret_IsRejected() =>
        SignedRequest.ReadUserId(Sign(Payload(), "other"), Secret, Now).ShouldBeNull();

    [Fact]
    public void ReadUserId_PayloadSwappedAfterSigning_IsRejected()
    {
        var genuine = Sign(Payload(userId: "\"1\""));
        var forged = genuine.Split('.')[0] + "." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Payload(userId: "\"2\"")));

        SignedRequest.ReadUserId(forged, Secret, Now).ShouldBeNull();
    }

    [Fact]
    public void ReadUserId_IssuedJustUnderADayAgo_ReturnsTheUser() =>
        SignedRequest.ReadUserId(Sign(Payload(issuedAt: (Now - SignedRequest.MaxAge).ToUnixTimeSeconds() + 1)), Secret, Now)
            .ShouldBe("780170000000001");

    [Fact]
    public void ReadUserId_IssuedMoreThanADayAgo_IsRejected() =>
        SignedRequest.ReadUserId(Sign(Payload(issuedAt: (Now - SignedRequest.MaxAge).ToUnixTimeSeconds() - 1)), Secret, Now).ShouldBeNull();

    [Fact]
    public void ReadUserId_IssuedAtMissing_IsRejected() =>
        SignedRequest.ReadUserId(Sign("""{"user_id":"1","algorithm":"HMAC-SHA256"}"""), Secret, Now).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("!!!.???")]
    [InlineData("a.b.c")]
    public void ReadUserId_Malformed_IsRejected(string? signedRequest) => SignedRequest.ReadUserId(signedRequest, Secret, Now).ShouldBeNull();

    // Each is signed correctly, so only the payload's shape can reject it (and none may throw).
    [Theory]
    [InlineData("""["user_id","1"]""")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{not json")]
    [InlineData("""{"algorithm":"HMAC-SHA256","issued_at":1}""")]
    [InlineData("""{"user_id":"1","algorithm":7,"issued_at":1}""")]
    [InlineData("""{"user_id":"1","algorithm":"HMAC-SHA256","issued_at":"yesterday"}""")]
    [InlineData("""{"user_id":"1","algorithm":"HMAC-SHA256","issued_at":1e300}""")]
    [InlineData("""{"user_id":{"id":"1"},"algorithm":"HMAC-SHA256","issued_at":1}""")]
    [InlineData("""{"user_id":"","algorithm":"HMAC-SHA256","issued_at":1}""")]
    public void ReadUserId_PayloadOfTheWrongShape_IsRejected(string json) =>
        SignedRequest.ReadUserId(Sign(json.Replace("\"issued_at\":1}", $"\"issued_at\":{IssuedNow}}}")), Secret, Now).ShouldBeNull();

    [Fact]
    public void ReadUserId_PayloadNotBase64_IsRejected() =>
        SignedRequest.ReadUserId(SignPayload("not*base64"), Secret, Now).ShouldBeNull();

    [Fact]
    public void ReadUserId_OtherAlgorithm_IsRejected() =>
        SignedRequest.ReadUserId(Sign(Payload().Replace("HMAC-SHA256", "none")), Secret, Now).ShouldBeNull();

    [Fact]
    public void ReadUserId_LongerThanTheLimit_IsRejected() =>
        SignedRequest.ReadUserId(Sign(Payload().Replace("{", "{\"pad\":\"" + new string('x', SignedRequest.MaxLength) + "\",")), Secret, Now)
            .ShouldBeNull();
}
