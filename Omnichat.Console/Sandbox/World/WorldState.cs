namespace Omnichat.Console.Sandbox.World;

/// <summary>Everything the sandbox knows, as stored in the state file.</summary>
public sealed class WorldState
{
    public int SchemaVersion { get; set; } = 1;
    public string AppId { get; set; } = "";
    public string AppName { get; set; } = DemoWorld.AppName;
    public List<SandboxUser> Users { get; set; } = [];
    public List<SandboxBusiness> Businesses { get; set; } = [];
    public List<SandboxPage> Pages { get; set; } = [];
    public List<SandboxApp> OtherApps { get; set; } = [];
    /// <summary>Our app's grant per Facebook user id; removed when the user removes the app.</summary>
    public Dictionary<string, SandboxGrant> Grants { get; set; } = [];
    /// <summary>Keyed by SHA-256 hash of the token.</summary>
    public Dictionary<string, IssuedToken> Tokens { get; set; } = [];
    /// <summary>Keyed by SHA-256 hash of the code.</summary>
    public Dictionary<string, IssuedCode> Codes { get; set; } = [];
    public FaultSettings Faults { get; set; } = new();
    public List<DeauthorizeCallback> DeauthorizeCallbacks { get; set; } = [];
    /// <summary>Added to the real clock, so tests and demos can let codes and tokens expire.</summary>
    public long ClockOffsetSeconds { get; set; }
    /// <summary>False: the app is in development mode, sends fail with 200 "Cannot message users who are not admins...".</summary>
    public bool AppLive { get; set; } = true;
    /// <summary>The latest webhooks posted to the console (the oldest are dropped past <see cref="MaxLog"/>).</summary>
    public List<WebhookDeliveryRecord> WebhookDeliveries { get; set; } = [];
    public List<SentMessageRecord> SentMessages { get; set; } = [];

    public const int MaxLog = 500;

    public static void Append<T>(List<T> log, T item)
    {
        log.Add(item);
        if (log.Count > MaxLog)
        {
            log.RemoveRange(0, log.Count - MaxLog);
        }
    }

    public SandboxUser? FindUser(string id) => Users.FirstOrDefault(u => u.Id == id);
    /// <summary>
    /// By id through an index of <see cref="Pages"/>, built again when pages were added (pages are never removed): a
    /// scan per Graph call made a 100,000-page world's check spend minutes in the sandbox, not in the console.
    /// </summary>
    public SandboxPage? FindPage(string id)
    {
        // Every use of the world holds its lock, so the index is never built twice at once.
        if (pageIndex is null || indexedPages != Pages.Count)
        {
            pageIndex = [];
            foreach (var page in Pages)
            {
                pageIndex.TryAdd(page.Id, page);
            }
            indexedPages = Pages.Count;
        }
        return pageIndex.GetValueOrDefault(id);
    }

    private Dictionary<string, SandboxPage>? pageIndex;
    private int indexedPages;
    public SandboxBusiness? FindBusiness(string id) => Businesses.FirstOrDefault(b => b.Id == id);
    public SandboxGrant? FindGrant(string userId) => Grants.GetValueOrDefault(userId);
}
