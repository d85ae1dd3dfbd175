namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>A consent dialog in progress, kept on the server under a random id carried in a hidden field.</summary>
public sealed class DialogSession
{
    public string Id { get; init; } = "";
    public string ClientId { get; init; } = "";
    public string RedirectUri { get; init; } = "";
    public string? State { get; init; }
    public bool Rerequest { get; init; }
    public IReadOnlyList<string> RequestedScopes { get; init; } = [];
    public DateTimeOffset ExpiresAt { get; init; }

    public string Step { get; set; } = DialogSteps.Continue;
    public string UserId { get; set; } = "";
    public bool AllPages { get; set; }
    public List<string> PageIds { get; set; } = [];
    public bool AllBusinesses { get; set; }
    public List<string> BusinessIds { get; set; } = [];
    public List<string> DeclinedScopes { get; set; } = [];
    /// <summary>Opened with the system-user configuration's config_id: the business's system user gets the token.</summary>
    public bool SystemUser { get; set; }
    public string? BusinessId { get; set; }

    public ConsentChoices ToChoices() => new(AllPages, PageIds, AllBusinesses, BusinessIds, RequestedScopes, DeclinedScopes);
}
