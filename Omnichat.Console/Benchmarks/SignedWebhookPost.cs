using System.Net.Http.Headers;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Benchmarks;

/// <summary>A webhook as Meta posts it: the exact bytes, signed with the app secret. True when the console answered 200.</summary>
public static class SignedWebhookPost
{
    public static async Task<bool> SendAsync(HttpClient http, string path, byte[] body, string secret)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, secret));
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
