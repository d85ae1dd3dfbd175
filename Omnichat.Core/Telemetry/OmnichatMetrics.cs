using System.Diagnostics.Metrics;
using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// The console's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/> (README, "Telemetry", lists them
/// with their labels). Labels are bounded sets only: statuses, causes, outcomes, endpoint templates. Never a team,
/// page, customer or token: a label value per customer would make every series unbounded, and names are not ours to
/// publish. Core records with System.Diagnostics alone; whether anything is exported is the host's choice.
/// </summary>
public sealed class OmnichatMetrics
{
    public const string MeterName = "Omnichat.Console";

    private readonly Counter<long> checkRuns;
    private readonly Histogram<double> checkDuration;
    private readonly Counter<long> checkPages;
    private readonly Counter<long> checkGraphRequests;
    private readonly Counter<long> graphCalls;
    private readonly Histogram<double> graphDuration;
    private readonly Counter<long> webhookRequests;
    private readonly Histogram<double> webhookAckDuration;
    private readonly Histogram<double> webhookLag;
    private readonly Counter<long> replies;
    private readonly Counter<long> emails;
    private readonly Counter<long> backfillRuns;
    private readonly Counter<long> backfillMessages;
    private readonly Counter<long> failovers;

    public OmnichatMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        checkRuns = Meter.CreateCounter<long>("omnichat.check.runs", "{run}", "Integration check runs completed, by scope (all is the scheduled one).");
        checkDuration = Meter.CreateHistogram<double>("omnichat.check.duration", "s", "How long an integration check run took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] });
        checkPages = Meter.CreateCounter<long>("omnichat.check.pages", "{page}", "Connections checked, by what the check found.");
        checkGraphRequests = Meter.CreateCounter<long>("omnichat.check.graph_requests", "{request}", "Graph HTTP requests the check runs made (a batch is one).");
        graphCalls = Meter.CreateCounter<long>("omnichat.graph.calls", "{call}", "Graph API calls, by endpoint template and error class.");
        graphDuration = Meter.CreateHistogram<double>("omnichat.graph.duration", "s", "Time until Graph answered, by endpoint template.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        webhookRequests = Meter.CreateCounter<long>("omnichat.webhook.requests", "{request}", "Webhook POSTs from Meta, by what the intake answered.");
        webhookAckDuration = Meter.CreateHistogram<double>("omnichat.webhook.ack.duration", "s", "From the request's arrival to the intake's answer (stored on disk for a 200).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        webhookLag = Meter.CreateHistogram<double>("omnichat.webhook.processing.lag", "s", "From Meta's event timestamp to the event being applied to the inbox.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });
        replies = Meter.CreateCounter<long>("omnichat.replies", "{reply}", "Replies sent through the Send API, by outcome and failure kind.");
        emails = Meter.CreateCounter<long>("omnichat.email.dispatched", "{email}", "Outbox e-mails finished by the dispatcher, by outcome (retry: another attempt is due).");
        backfillRuns = Meter.CreateCounter<long>("omnichat.backfill.runs", "{run}", "Back-fills of a gap finished, by outcome (done or failed).");
        failovers = Meter.CreateCounter<long>("omnichat.authorization.failovers", "{connection}",
            "Connections moved to another team member's authorization because the one in use ended, by why it ended.");
        backfillMessages = Meter.CreateCounter<long>("omnichat.backfill.messages", "{message}", "Messages of gaps: recovered into the inbox, or beyond reach (past the 20 most recent, high volume).");
    }

    /// <summary>The meter, for the observable instruments of <see cref="OmnichatGauges"/>.</summary>
    public Meter Meter { get; }

    public void CheckCompleted(CheckScope scope, CheckRunSummary summary, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(summary);
        var scopeTag = new KeyValuePair<string, object?>("check.scope", ScopeName(scope));
        checkRuns.Add(1, scopeTag);
        checkDuration.Record(elapsed.TotalSeconds, scopeTag);
        checkGraphRequests.Add(summary.GraphRequests, scopeTag);
        AddPages(summary.Passed, CheckOutcome.Passed, scopeTag);
        AddPages(summary.Failed, CheckOutcome.Failed, scopeTag);
        AddPages(summary.Inconclusive, CheckOutcome.Inconclusive, scopeTag);
        AddPages(summary.Repaired, CheckOutcome.Repaired, scopeTag);
    }

    /// <summary>One Graph HTTP request; <paramref name="error"/> is null when Graph answered without an error.</summary>
    public void GraphCalled(HttpMethod method, string path, GraphError? error, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(method);
        var endpoint = new KeyValuePair<string, object?>("graph.endpoint", GraphEndpoint.Template(path));
        var verb = new KeyValuePair<string, object?>("http.request.method", method.Method);
        var result = new KeyValuePair<string, object?>("graph.result", error is null ? "ok" : ErrorClassName(error));
        graphCalls.Add(1, endpoint, verb, result);
        graphDuration.Record(elapsed.TotalSeconds, endpoint, verb);
    }

    public void WebhookAnswered(WebhookReceipt receipt, TimeSpan elapsed)
    {
        var result = new KeyValuePair<string, object?>("webhook.result", ReceiptName(receipt));
        webhookRequests.Add(1, result);
        webhookAckDuration.Record(elapsed.TotalSeconds, result);
    }

    /// <summary>Events applied at <paramref name="processedAt"/>; events without a timestamp tell nothing and are left out.</summary>
    public void WebhookEventsProcessed(IEnumerable<WebhookEvent> events, DateTimeOffset processedAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!webhookLag.Enabled)
        {
            return;
        }
        foreach (var item in events)
        {
            if (item.At > DateTimeOffset.UnixEpoch)
            {
                // A sender's clock ahead of ours would give a negative lag: it is none.
                webhookLag.Record(Math.Max(0, (processedAt - item.At).TotalSeconds));
            }
        }
    }

    public void ReplyFinished(ReplyOutcomeKind outcome, ReplyFailure? failure) =>
        replies.Add(1,
            new KeyValuePair<string, object?>("reply.outcome", LabelValue.Of(outcome)),
            new KeyValuePair<string, object?>("reply.failure", failure is { } f ? LabelValue.Of(f) : "none"));

    /// <summary>An outbox row left the dispatcher's hands: <see cref="EmailState.Pending"/> means it will be tried again.</summary>
    /// <summary>A connection now runs on a backup authorization: the page kept working where it would have failed.</summary>
    public void FailedOver(FailureCause cause) =>
        failovers.Add(1, new KeyValuePair<string, object?>("failover.cause", LabelValue.Of(cause)));

    public void EmailFinished(EmailState state) =>
        emails.Add(1, new KeyValuePair<string, object?>("email.outcome", state == EmailState.Pending ? "retry" : LabelValue.Of(state)));

    /// <summary>A back-fill of one gap ended (not one stopped by a shutdown, which runs again).</summary>
    public void BackfillFinished(bool done, int recovered, int beyondReach)
    {
        backfillRuns.Add(1, new KeyValuePair<string, object?>("backfill.outcome", done ? "done" : "failed"));
        if (recovered > 0)
        {
            backfillMessages.Add(recovered, new KeyValuePair<string, object?>("backfill.result", "recovered"));
        }
        if (beyondReach > 0)
        {
            backfillMessages.Add(beyondReach, new KeyValuePair<string, object?>("backfill.result", "beyond_reach"));
        }
    }

    private void AddPages(int count, CheckOutcome outcome, KeyValuePair<string, object?> scopeTag)
    {
        if (count > 0)
        {
            checkPages.Add(count, scopeTag, new KeyValuePair<string, object?>("check.outcome", LabelValue.Of(outcome)));
        }
    }

    internal static string ScopeName(CheckScope scope) => scope switch
    {
        { ConnectionIds: not null } => "connection",
        { TeamId: not null } => "team",
        { FacebookUserId: not null } => "facebook_user",
        _ => "all",
    };

    private static string ErrorClassName(GraphError error) => error.IsTransport
        ? error.TimedOut ? "timeout" : "transport"
        : LabelValue.Of(GraphErrorClassifier.Classify(error).Class);

    private static string ReceiptName(WebhookReceipt receipt) => receipt switch
    {
        WebhookReceipt.Stored => "accepted",
        WebhookReceipt.SignatureMissing or WebhookReceipt.SignatureWrong => "bad_signature",
        WebhookReceipt.NotJson => "malformed",
        WebhookReceipt.TooLarge => "too_large",
        WebhookReceipt.Busy => "busy",
        _ => "not_stored",
    };
}
