using System.Text.Json;
using Omnichat.Console.Sandbox.Dialog;
using Omnichat.Console.Sandbox.Graph;
using Omnichat.Console.Sandbox.Messenger;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>The control API under <c>/sandbox/api</c>: the panel's actions for tests, JSON in and out.</summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/sandbox/api").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        api.MapPost("/users/{userId}/password-change", (string userId, SandboxControl control) => Answer(control.KillSessions(userId, TokenState.PasswordChanged)));
        api.MapPost("/users/{userId}/two-factor", (string userId, SandboxControl control) => Answer(control.KillSessions(userId, TokenState.TwoFactor)));
        api.MapPost("/users/{userId}/checkpoint", (string userId, SandboxControl control) => Answer(control.KillSessions(userId, TokenState.Checkpoint)));
        api.MapPost("/users/{userId}/remove-app", async (string userId, SandboxControl control, CancellationToken cancellationToken) =>
            Answer(await control.RemoveAppAsync(userId, cancellationToken)));
        api.MapPost("/users/{userId}/restore", (string userId, SandboxControl control) => Answer(control.Restore(userId)));
        api.MapPost("/businesses/{businessId}/remove-app", (string businessId, SandboxControl control) => Answer(control.BusinessRemovesApp(businessId)));

        api.MapPut("/pages/{pageId}/roles/{userId}", async (string pageId, string userId, HttpRequest request, SandboxControl control, CancellationToken cancellationToken) =>
            await ReadAsync<TasksRequest>(request, cancellationToken) is { } body
                ? Answer(control.SetRoles(pageId, userId, body.Tasks))
                : BadJson());
        api.MapPut("/pages/{pageId}/receiver", async (string pageId, HttpRequest request, SandboxControl control, CancellationToken cancellationToken) =>
            await ReadAsync<ReceiverRequest>(request, cancellationToken) is { } body
                ? Answer(control.SetReceiver(pageId, body.AppId))
                : BadJson());
        api.MapPost("/pages/bulk", async (HttpRequest request, SandboxControl control, CancellationToken cancellationToken) =>
        {
            var added = control.AddPages(await ReadAsync<BulkPagesRequest>(request, cancellationToken));
            return added.Outcome.Succeeded
                ? TypedResults.Json(new { ok = true, message = added.Outcome.Message, pageIds = added.PageIds })
                : Error(added.Outcome.Status, added.Outcome.Message);
        });
        api.MapDelete("/pages/{pageId}/subscribed-apps", (string pageId, SandboxControl control) => Answer(control.DropSubscription(pageId)));

        api.MapPost("/pages/{pageId}/customer-messages", async (string pageId, HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<CustomerMessageRequest>(request, cancellationToken) is { } body
                ? Answer(messenger.CustomerMessage(pageId, body.Psid, body.Text, body.Attachments, body.Name))
                : BadJson());
        api.MapPost("/pages/{pageId}/inbox-replies", async (string pageId, HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<CustomerMessageRequest>(request, cancellationToken) is { } body ? Answer(messenger.InboxReply(pageId, body.Psid, body.Text)) : BadJson());
        api.MapPost("/pages/{pageId}/customers/{psid}/read", (string pageId, string psid, MessengerActions messenger) => Answer(messenger.CustomerRead(pageId, psid)));
        api.MapPut("/pages/{pageId}/customers/{psid}", async (string pageId, string psid, HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<ReachabilityRequest>(request, cancellationToken) is { } body ? Answer(messenger.SetReachability(pageId, psid, body.Reachability)) : BadJson());
        api.MapPut("/pages/{pageId}/messaging", async (string pageId, HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<FlagRequest>(request, cancellationToken) is { Restricted: { } restricted } ? Answer(messenger.SetMessagingRestricted(pageId, restricted)) : BadJson());
        api.MapPut("/pages/{pageId}/high-volume", async (string pageId, HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<FlagRequest>(request, cancellationToken) is { HighVolume: { } highVolume } ? Answer(messenger.SetHighVolume(pageId, highVolume)) : BadJson());
        api.MapPut("/app", async (HttpRequest request, MessengerActions messenger, CancellationToken cancellationToken) =>
            await ReadAsync<FlagRequest>(request, cancellationToken) is { Live: { } live } ? Answer(messenger.SetAppLive(live)) : BadJson());

        api.MapPut("/faults", async (HttpRequest request, SandboxControl control, CancellationToken cancellationToken) =>
            await ReadAsync<FaultSettings>(request, cancellationToken) is { } body ? Answer(control.SetFaults(body)) : BadJson());
        api.MapPost("/clock/advance", async (HttpRequest request, SandboxControl control, CancellationToken cancellationToken) =>
            await ReadAsync<ClockRequest>(request, cancellationToken) is { } body ? Answer(control.AdvanceClock(body.Seconds + (body.Minutes * 60))) : BadJson());
        api.MapPost("/reset", (SandboxControl control, ConversationsMeter meter) =>
        {
            meter.Reset();
            return Answer(control.Reset());
        });

        api.MapGet("/state", (SandboxWorld world, SandboxUrls urls, ConversationsMeter meter) =>
            TypedResults.Json(world.Read((state, now) => StateView.Render(state, now, urls, meter.Usage()))));

        api.MapPost("/oauth/authorize", AuthorizeAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpRequest request, ConsentService consent, CancellationToken cancellationToken)
    {
        if (await ReadAsync<AuthorizeRequest>(request, cancellationToken) is not { } body)
        {
            return BadJson();
        }
        if (string.IsNullOrWhiteSpace(body.UserId))
        {
            return Error(StatusCodes.Status400BadRequest, "userId is required.");
        }
        if (consent.ValidateClient(body.ClientId, body.RedirectUri) is { } clientError)
        {
            return Error(StatusCodes.Status400BadRequest, clientError);
        }
        if (!TryReadSelection(body.Pages, out var allPages, out var pageIds) || !TryReadSelection(body.Businesses, out var allBusinesses, out var businessIds))
        {
            return Error(StatusCodes.Status400BadRequest, "pages and businesses must be \"all\" or a list of ids.");
        }
        var choices = new ConsentChoices(allPages, pageIds, allBusinesses, businessIds,
            consent.RequestedScopes(body.Scopes is null ? null : string.Join(',', body.Scopes)), body.DeclinedScopes ?? []);
        // The dialog of the system-user configuration: the person installs our app for a business (businessId).
        var outcome = body.ConfigId == DemoWorld.SystemUserConfigId
            ? consent.CompleteSystemUser(body.UserId, body.BusinessId, allPages, pageIds, body.RedirectUri!, body.State)
            : consent.Complete(body.UserId, body.RedirectUri!, body.State, choices);
        return outcome.RedirectUrl is { } url
            ? TypedResults.Json(new { redirectUrl = url })
            : Error(outcome.Status, outcome.Error!);
    }

    /// <summary>"all", a list of ids, or nothing at all (an empty selection).</summary>
    private static bool TryReadSelection(JsonElement value, out bool all, out IReadOnlyList<string> ids)
    {
        all = false;
        ids = [];
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return true;
            case JsonValueKind.String when value.GetString() == "all":
                all = true;
                return true;
            case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                ids = [.. value.EnumerateArray().Select(e => e.GetString()!)];
                return true;
            default:
                return false;
        }
    }

    private static IResult Answer(ControlOutcome outcome) =>
        outcome.Succeeded ? TypedResults.Json(new { ok = true, message = outcome.Message }) : Error(outcome.Status, outcome.Message);

    private static IResult Error(int status, string message) => TypedResults.Json(new { ok = false, error = message }, statusCode: status);

    private static IResult BadJson() => Error(StatusCodes.Status400BadRequest, "The body must be a JSON object.");

    private static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, WorldFile.JsonOptions, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
