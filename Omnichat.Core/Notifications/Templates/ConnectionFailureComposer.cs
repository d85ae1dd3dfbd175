using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Notifications.Templates;

/// <summary>Writes the connection-failure reminder for one team, in the team's language and time zone, linking to its channels page.</summary>
public sealed class ConnectionFailureComposer(EmailRenderer renderer, IOptions<ConsoleOptions> console)
{
    /// <summary>The console route design.md keeps stable for links like this one.</summary>
    public const string ChannelsPath = "/channels/facebook";

    public async Task<ComposedEmail> ComposeAsync(Team team, ConnectionFailurePayload payload, CancellationToken cancellationToken)
    {
        var model = new ConnectionFailureEmailModel(
            team.Name, payload.Pages, console.Value.Link(ChannelsPath), EmailWords.For(team.Culture), LocalTimeFormat.For(team.TimeZone));
        var html = await renderer.RenderAsync<ConnectionFailureEmail>(
            new Dictionary<string, object?> { [nameof(ConnectionFailureEmail.Model)] = model }, cancellationToken);
        return new ComposedEmail(
            ConnectionFailureSubject.For(model.Words, model.Pages),
            "<!DOCTYPE html>\n" + html,
            ConnectionFailureText.Build(model));
    }
}
