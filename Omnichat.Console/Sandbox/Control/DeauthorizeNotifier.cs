using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>
/// Posts Meta's deauthorize callback to the console when a user removes the app. The console's endpoint may not
/// exist (yet): the attempt and its status are recorded and never fail the action.
/// </summary>
public sealed class DeauthorizeNotifier(
    IHttpClientFactory httpClientFactory,
    SandboxUrls urls,
    IOptions<FacebookOptions> facebook,
    SandboxWorld world,
    ILogger<DeauthorizeNotifier> logger)
{
    public const string HttpClientName = "sandbox-deauthorize";

    public async Task<DeauthorizeCallback> NotifyAsync(string userId, CancellationToken cancellationToken)
    {
        var attempt = new DeauthorizeCallback { UserId = userId, Url = urls.DeauthorizeUrl, At = world.Now };
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["signed_request"] = SignedRequest.ForDeauthorize(userId, attempt.At, facebook.Value.AppSecret),
            });
            using var response = await client.PostAsync(urls.DeauthorizeUrl, content, cancellationToken);
            attempt.Status = (int)response.StatusCode;
            logger.LogInformation("Sandbox deauthorize callback for user {UserId} answered {StatusCode}", userId, attempt.Status);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            attempt.Error = exception.Message;
            logger.LogWarning("Sandbox deauthorize callback for user {UserId} failed: {Error}", userId, exception.Message);
        }
        world.Update((state, _) => state.DeauthorizeCallbacks.Add(attempt));
        return attempt;
    }
}
