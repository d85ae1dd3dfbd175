using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Console.Endpoints;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;
using SandboxSignedRequest = Omnichat.Console.Sandbox.Control.SignedRequest;

namespace Omnichat.Tests.Endpoints;

/// <summary>Anyone can post to the deauthorize callback: whatever arrives, the answer is a 200 or a 400, never a 500.</summary>
public sealed class FacebookDeauthorizeEndpointTests : IClassFixture<ConsoleServer>
{
    private const string UnknownUser = "780179999999999";
    private readonly ConsoleServer server;

    public FacebookDeauthorizeEndpointTests(ConsoleServer server) => this.server = server;

    private string AppSecret => server.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.AppSecret;

    private async Task<HttpStatusCode> PostAsync(HttpContent content)
    {
        using var client = server.CreateHttpClient();
        using var response = await client.PostAsync(FacebookDeauthorizeEndpoints.Path.TrimStart('/'), content);
        return response.StatusCode;
    }

    private static FormUrlEncodedContent Form(string signedRequest) =>
        new(new Dictionary<string, string> { ["signed_request"] = signedRequest });

    [Fact]
    public async Task Post_FreshlySigned_Answers200()
    {
        var signed = SandboxSignedRequest.ForDeauthorize(UnknownUser, DateTimeOffset.UtcNow, AppSecret);

        (await PostAsync(Form(signed))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_IssuedMoreThanADayAgo_Answers400()
    {
        var signed = SandboxSignedRequest.ForDeauthorize(UnknownUser, DateTimeOffset.UtcNow - SignedRequest.MaxAge - TimeSpan.FromMinutes(1), AppSecret);

        (await PostAsync(Form(signed))).ShouldBe(HttpStatusCode.BadRequest);
        server.Logs.Lines.ShouldContain(line => line.Contains("Rejected a deauthorize callback"));
    }

    // Both over a raw socket: the server answers without reading the whole body and closes the connection, and
    // HttpClient (which waits only a second for 100-continue) would report the broken pipe instead of that answer.
    [Fact]
    public async Task Post_TenMegabyteForm_Answers400() =>
        (await PostRawAsync("Content-Length: " + (10 * 1024 * 1024), "signed_request=".PadRight(64 * 1024, 'A'))).ShouldBe("HTTP/1.1 400 Bad Request");

    [Fact]
    public async Task Post_TenMegabyteChunkedForm_Answers400() =>
        // A chunked body has no length to refuse up front: the server stops reading it part way.
        (await PostRawAsync("Transfer-Encoding: chunked", $"{64 * 1024:x}\r\n" + "signed_request=".PadRight(64 * 1024, 'A') + "\r\n"))
            .ShouldBe("HTTP/1.1 400 Bad Request");

    /// <summary>Posts a form of 10 MB in pieces until the server answers; returns the answer's status line.</summary>
    private async Task<string?> PostRawAsync(string lengthHeader, string piece)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST {FacebookDeauthorizeEndpoints.Path} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\n{lengthHeader}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reading = new StreamReader(stream, Encoding.ASCII).ReadLineAsync();
        var bytes = Encoding.ASCII.GetBytes(piece);
        try
        {
            for (var sent = 0; sent < 10 * 1024 * 1024 && !reading.IsCompleted; sent += bytes.Length)
            {
                await stream.WriteAsync(bytes);
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: the rest of the body is not wanted.
        }
        return await reading.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Post_JsonInsteadOfAForm_Answers400()
    {
        var signed = SandboxSignedRequest.ForDeauthorize(UnknownUser, DateTimeOffset.UtcNow, AppSecret);
        using var content = new StringContent($$"""{"signed_request":"{{signed}}"}""", Encoding.UTF8, "application/json");

        (await PostAsync(content)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_MultipartForm_Answers400()
    {
        using var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"signed_request\"\r\n\r\nabc", Encoding.ASCII);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        (await PostAsync(content)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("no-dot-at-all")]
    [InlineData("!!!.???")]
    [InlineData("c2lnbmF0dXJl.eyJ1c2VyX2lkIjoiNzgwMTcwMDAwMDAwMDAxIn0")]
    public async Task Post_GarbageSignedRequest_Answers400(string signedRequest) =>
        (await PostAsync(Form(signedRequest))).ShouldBe(HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"algorithm":"HMAC-SHA256","issued_at":NOW}""")]
    [InlineData("""{"user_id":"780179999999999","algorithm":["HMAC-SHA256"],"issued_at":NOW}""")]
    public async Task Post_SignedPayloadOfTheWrongShape_Answers400(string json)
    {
        var payload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json.Replace("NOW", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString())));
        var signature = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.ASCII.GetBytes(payload));

        (await PostAsync(Form(WebEncoders.Base64UrlEncode(signature) + "." + payload))).ShouldBe(HttpStatusCode.BadRequest);
    }
}
