namespace Omnichat.Console.Sandbox.World;

/// <summary>One webhook the sandbox posted (or gave up on), for <c>webhookDeliveries</c> in the state.</summary>
public sealed class WebhookDeliveryRecord
{
    public string PageId { get; set; } = "";
    /// <summary>"messaging" or "standby".</summary>
    public string Field { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Mid { get; set; }
    /// <summary>The console's last HTTP status; 0 when it did not answer.</summary>
    public int Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>delivered, failing, notSubscribed, unsubscribed.</summary>
    public string Outcome { get; set; } = "";
}
