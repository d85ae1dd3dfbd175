using System.Text;
using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Messaging;

public sealed class WebhookSignatureTests
{
    private const string Secret = "sandbox-app-secret-3f9a1c7e5b2d4a60";

    [Fact]
    public void IsValid_SignatureOverTheSameBytes_IsTrue()
    {
        var body = Encoding.ASCII.GetBytes("{\"object\":\"page\",\"entry\":[]}");
        WebhookSignature.IsValid(body, WebhookSignature.Sign(body, Secret), Secret).ShouldBeTrue();
    }

    [Fact]
    public void Sign_MatchesMetasDocumentedFormat_LowerCaseHexWithPrefix()
    {
        var signature = WebhookSignature.Sign("{}"u8, Secret);
        signature.ShouldStartWith("sha256=");
        signature[7..].ShouldBe(signature[7..].ToLowerInvariant());
        signature.Length.ShouldBe(7 + 64);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void IsValid_MissingOrMalformedHeader_IsFalse(string? header) =>
        WebhookSignature.IsValid("{}"u8, header, Secret).ShouldBeFalse();

    [Fact]
    public void IsValid_OtherSecretOrOneByteChanged_IsFalse()
    {
        var body = Encoding.ASCII.GetBytes("{\"a\":1}");
        WebhookSignature.IsValid(body, WebhookSignature.Sign(body, "other"), Secret).ShouldBeFalse();
        WebhookSignature.IsValid(Encoding.ASCII.GetBytes("{\"a\":2}"), WebhookSignature.Sign(body, Secret), Secret).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_NoAppSecretConfigured_RefusesEvenABodySignedWithAnEmptyKey()
    {
        // Anyone can compute an HMAC with an empty key: without a secret nothing may pass for Meta.
        var body = "{\"object\":\"page\",\"entry\":[]}"u8.ToArray();
        WebhookSignature.IsValid(body, WebhookSignature.Sign(body, ""), "").ShouldBeFalse();
    }

    [Fact]
    public void IsValid_UpperCaseHex_IsAccepted()
    {
        var body = "{}"u8.ToArray();
        var signature = WebhookSignature.Sign(body, Secret);
        WebhookSignature.IsValid(body, "sha256=" + signature[7..].ToUpperInvariant(), Secret).ShouldBeTrue();
    }

    [Fact]
    public void NonAscii_MetaSignsTheEscapedText_SoOnlyTheRawEscapedBytesVerify()
    {
        // Meta sends "äöå 你好" as \u00e4\u00f6\u00e5 \u4f60\u597d and signs exactly those bytes.
        var escaped = MetaJsonEscaping.Escape("{\"text\":\"äöå 你好 a/b\"}");
        escaped.ShouldBe("{\"text\":\"\\u00e4\\u00f6\\u00e5 \\u4f60\\u597d a\\/b\"}");
        var wire = Encoding.ASCII.GetBytes(escaped);
        var signature = WebhookSignature.Sign(wire, Secret);

        WebhookSignature.IsValid(wire, signature, Secret).ShouldBeTrue();
        // A client that parses and re-serialises first hashes different bytes and rejects Meta's own request.
        var reserialised = Encoding.UTF8.GetBytes("{\"text\":\"äöå 你好 a/b\"}");
        WebhookSignature.IsValid(reserialised, signature, Secret).ShouldBeFalse();
    }

    [Fact]
    public void Matches_BodyFedInPieces_AgreesWithTheOneShotSignature()
    {
        var body = Encoding.ASCII.GetBytes("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"}]}");
        Span<byte> digest = stackalloc byte[WebhookSignature.DigestBytes];
        WebhookSignature.TryReadHeader(WebhookSignature.Sign(body, Secret), digest).ShouldBeTrue();

        using var hmac = WebhookSignature.CreateHmac(Secret);
        foreach (var piece in body.Chunk(7))
        {
            hmac.AppendData(piece);
        }
        WebhookSignature.Matches(hmac, digest).ShouldBeTrue();

        hmac.AppendData(body.AsSpan(1));
        WebhookSignature.Matches(hmac, digest).ShouldBeFalse("one byte missing");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("sha512=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void TryReadHeader_NotSha256AndSixtyFourHexDigits_IsFalse(string? header)
    {
        Span<byte> digest = stackalloc byte[WebhookSignature.DigestBytes];
        WebhookSignature.TryReadHeader(header, digest).ShouldBeFalse();
    }

    [Fact]
    public void Escape_SurrogatePairs_BecomeTwoEscapes()
    {
        MetaJsonEscaping.Escape("\"😀\"").ShouldBe("\"\\ud83d\\ude00\"");
    }
}
