using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Omnichat.Console.Sandbox.Control;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>
/// Facebook's consent dialog (help page steps 4-8), rendered statically with plain forms: no circuit is needed,
/// so browser tests and plain HTTP clients can click through it. The wizard state lives in <see cref="DialogSessionStore"/>.
/// </summary>
public sealed partial class ConsentDialog
{
    private string? error;
    private DialogSession? session;
    private DialogView? view;

    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<ConsentDialog> Logger { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public string Version { get; set; } = "";

    [SupplyParameterFromQuery(Name = "client_id")] private string? ClientId { get; set; }
    [SupplyParameterFromQuery(Name = "redirect_uri")] private string? RedirectUri { get; set; }
    [SupplyParameterFromQuery(Name = "state")] private string? State { get; set; }
    [SupplyParameterFromQuery(Name = "scope")] private string? Scope { get; set; }
    [SupplyParameterFromQuery(Name = "auth_type")] private string? AuthType { get; set; }
    [SupplyParameterFromQuery(Name = "response_type")] private string? ResponseType { get; set; }
    [SupplyParameterFromQuery(Name = "config_id")] private string? ConfigId { get; set; }

    [SupplyParameterFromForm(FormName = "consent")] private ConsentForm? Form { get; set; }

    private ConsentService Consent => Services.GetRequiredService<ConsentService>();
    private DialogSessionStore Sessions => Services.GetRequiredService<DialogSessionStore>();
    private SandboxWorld World => Services.GetRequiredService<SandboxWorld>();

    protected override void OnInitialized()
    {
        if (Services.GetService<ConsentService>() is null)
        {
            Navigation.NotFound();
            return;
        }
        if (!Graph.GraphRouter.VersionPattern().IsMatch(Version))
        {
            Fail("無效的 API 版本。 / Unknown Graph API version.");
            return;
        }
        if (HttpMethods.IsPost(HttpContext.Request.Method))
        {
            Form ??= new ConsentForm();
            session = Sessions.Find(Form.SessionId);
            if (session is null)
            {
                Fail("這個登入視窗已過期，請回到 Omnichat 重新開始。 / This dialog expired; start again from Omnichat.");
                return;
            }
            // The form must render before Blazor dispatches the submit to it.
            Load();
            return;
        }
        Start();
    }

    private void Start()
    {
        var origin = $"{HttpContext.Request.Scheme}://{HttpContext.Request.Host}";
        if (Consent.ValidateClient(ClientId, RedirectUri, origin) is { } invalid)
        {
            // Meta shows an error page here and never redirects to an unknown redirect_uri.
            Fail(invalid);
            return;
        }
        if (ResponseType is not (null or "" or "code"))
        {
            Fail("The sandbox supports response_type=code only.");
            return;
        }
        var userId = DialogUserCookie.Read(HttpContext);
        session = Sessions.Start(ClientId!, RedirectUri!, State, AuthType == "rerequest", Consent.RequestedScopes(Scope), userId);
        session.SystemUser = ConfigId == DemoWorld.SystemUserConfigId;
        Load();
        session.UserId = view!.User.Id;
        session.Step = view.User.TokenState == TokenState.Checkpoint ? DialogSteps.ConfirmIdentity : DialogSteps.Continue;
    }

    private void Load() => view = World.Read((world, _) => DialogView.Read(world, session!.UserId));

    private void Fail(string message)
    {
        error = message;
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private void SubmitAsync()
    {
        if (session is null || Form is null)
        {
            return;
        }
        var action = Form.Action ?? "";
        if (action.StartsWith("pick-user-", StringComparison.Ordinal))
        {
            PickUser(action["pick-user-".Length..]);
            return;
        }
        Load();
        switch (action)
        {
            case "cancel":
                Sessions.End(session.Id);
                Navigation.NavigateTo(ConsentService.CancelUrl(session.RedirectUri, session.State));
                return;
            case "switch-user":
                session.Step = DialogSteps.ChooseUser;
                return;
            case "confirm-identity":
                Services.GetRequiredService<SandboxControl>().Restore(session.UserId);
                session.Step = DialogSteps.Continue;
                break;
            case "continue":
                Continue();
                break;
            case "edit":
                StartSteps();
                break;
            case "pages-next":
                session.AllPages = Form.PagesMode != "current";
                session.PageIds = [.. (Form.PageIds ?? []).Where(id => view!.Pages.Any(p => p.Id == id))];
                session.Step = view!.Businesses.Count > 0 ? DialogSteps.Businesses : DialogSteps.Permissions;
                break;
            case "businesses-next":
                session.AllBusinesses = Form.BusinessesMode != "current";
                session.BusinessIds = [.. (Form.BusinessIds ?? []).Where(id => view!.Businesses.Any(b => b.Id == id))];
                session.Step = DialogSteps.Permissions;
                break;
            case "system-user-next":
                session.BusinessId = view!.Businesses.FirstOrDefault(b => b.Id == Form.BusinessId)?.Id;
                session.PageIds = [.. (Form.PageIds ?? []).Where(id => view.ControlledPages.Any(p => p.Id == id))];
                session.AllPages = false;
                session.Step = session.BusinessId is null ? DialogSteps.SystemUserAssets : DialogSteps.Done;
                break;
            case "permissions-save":
                var on = Form.Granted ?? [];
                session.DeclinedScopes = [.. session.RequestedScopes.Where(s => !on.Contains(s))];
                session.Step = DialogSteps.Done;
                break;
            case "confirm":
                Finish();
                return;
        }
        Load();
    }

    /// <summary>"以 … 的身份繼續": a returning user without auth_type=rerequest keeps the earlier choices.</summary>
    private void Continue()
    {
        if (session!.SystemUser)
        {
            session.BusinessId ??= view!.Businesses.FirstOrDefault()?.Id;
            session.PageIds = [.. view!.ControlledPages.Select(p => p.Id)];
            session.Step = DialogSteps.SystemUserAssets;
            return;
        }
        if (view!.PreviousGrant is { } grant && !session!.Rerequest)
        {
            session.AllPages = grant.AllPages;
            session.PageIds = [.. grant.PageIds];
            session.AllBusinesses = grant.AllBusinesses;
            session.BusinessIds = [.. grant.BusinessIds];
            session.DeclinedScopes = [.. grant.Declined];
            session.Step = DialogSteps.Done;
            return;
        }
        StartSteps();
    }

    private void StartSteps()
    {
        if (session!.SystemUser)
        {
            session.Step = DialogSteps.SystemUserAssets;
            return;
        }
        var grant = view!.PreviousGrant;
        // Facebook pre-selects "all pages" for a first consent and the earlier choices afterwards.
        session!.AllPages = grant?.AllPages ?? true;
        session.PageIds = grant is null ? [.. view.Pages.Select(p => p.Id)] : [.. grant.PageIds];
        session.AllBusinesses = grant?.AllBusinesses ?? true;
        session.BusinessIds = grant is null ? [.. view.Businesses.Select(b => b.Id)] : [.. grant.BusinessIds];
        session.DeclinedScopes = grant is null ? [] : [.. grant.Declined];
        session.Step = DialogSteps.Pages;
    }

    private void PickUser(string userId)
    {
        session!.UserId = userId;
        Load();
        if (view!.User.Id != userId)
        {
            return;
        }
        DialogUserCookie.Write(HttpContext, userId);
        session.Step = view.User.TokenState == TokenState.Checkpoint ? DialogSteps.ConfirmIdentity : DialogSteps.Continue;
    }

    private void Finish()
    {
        var outcome = session!.SystemUser
            ? Consent.CompleteSystemUser(session.UserId, session.BusinessId, allPages: false, session.PageIds, session.RedirectUri, session.State)
            : Consent.Complete(session.UserId, session.RedirectUri, session.State, session.ToChoices());
        if (outcome.RedirectUrl is null)
        {
            Logger.LogWarning("Sandbox dialog could not finish for user {UserId}: {Error}", session.UserId, outcome.Error);
            Fail(outcome.Error!);
            return;
        }
        Sessions.End(session.Id);
        Navigation.NavigateTo(outcome.RedirectUrl);
    }
}
