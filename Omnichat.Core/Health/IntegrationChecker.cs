using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Health;

/// <summary>
/// Checks connections against Facebook: debug_token and subscribed_apps per page, 25 pages to a batch request,
/// a few batches at a time. Repairs a dropped webhook subscription itself, then records every result and lets
/// <see cref="CheckResultRecorder"/> apply statuses, episodes and the reminder e-mail.
/// </summary>
public sealed class IntegrationChecker(
    GraphClient graph,
    GraphUsageMonitor usage,
    TokenProtector tokens,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    CheckResultRecorder recorder,
    IOptions<HealthCheckOptions> options,
    IOptions<FacebookOptions> facebook,
    TimeProvider clock,
    OmnichatMetrics metrics,
    ILogger<IntegrationChecker> logger)
{
    /// <summary>Connections whose tokens are read and decrypted at a time: memory for tokens stays the same whatever N is.</summary>
    private const int LoadChunk = 1000;

    private HealthCheckOptions Options => options.Value;

    public async Task<CheckRunSummary> CheckAsync(CheckScope scope, IProgress<CheckProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = OmnichatTracing.StartCheckRun(scope);
        var startedAt = clock.GetTimestamp();
        var runId = Guid.NewGuid();
        var ids = await TargetIdsAsync(scope, cancellationToken);
        logger.LogInformation("Check run {RunId} starts with {Count} connections", runId, ids.Count);
        progress?.Report(new CheckProgress(0, ids.Count));

        var verdicts = new ConcurrentDictionary<Guid, PageVerdict>();
        var requests = 0;
        var done = 0;
        var operationsPerChunk = Options.UseBatch ? GraphClient.MaxBatchOperations : 0;
        await Parallel.ForEachAsync(LoadTargetsAsync(ids, operationsPerChunk, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.MaxConcurrency), CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var (answers, batchError, calls) = await AskAsync(chunk, ct);
                Interlocked.Add(ref requests, calls);
                foreach (var target in chunk)
                {
                    var verdict = answers.TryGetValue(target.PageId, out var answer)
                        ? WithAuthorizations(target, answer, await RepairAsync(target, PageVerdictRules.Decide(answer, facebook.Value.AppId), ct))
                        : batchError is null
                            ? PageVerdict.MissingBatchItem()
                            : PageVerdict.Inconclusive(batchError, HistoryNote.BatchUnanswered(batchError));
                    verdicts[target.ConnectionId] = verdict with { TokenChecked = target.Fingerprint };
                }
                progress?.Report(new CheckProgress(Interlocked.Add(ref done, chunk.Length), ids.Count));
                await SlowDownIfNearLimitAsync(ct);
            });

        var recorded = await recorder.RecordAsync(runId, verdicts, clock.GetUtcNow(), cancellationToken);
        var summary = new CheckRunSummary(runId, verdicts.Count,
            verdicts.Values.Count(v => v.Outcome == CheckOutcome.Passed) + recorded.FailedOver,
            verdicts.Values.Count(v => v.Outcome == CheckOutcome.Failed) - recorded.FailedOver,
            verdicts.Values.Count(v => v.Outcome == CheckOutcome.Inconclusive),
            verdicts.Values.Count(v => v.Outcome == CheckOutcome.Repaired),
            recorded.EpisodesStarted, requests, recorded.FailedOver);
        metrics.CheckCompleted(scope, summary, clock.GetElapsedTime(startedAt));
        logger.LogInformation("Check run {RunId} done: {Passed} passed, {Failed} failed, {Inconclusive} inconclusive, {Repaired} repaired, {Episodes} new failures, {Requests} Graph requests",
            runId, summary.Passed, summary.Failed, summary.Inconclusive, summary.Repaired, summary.EpisodesStarted, summary.GraphRequests);
        return summary;
    }

    /// <summary>Which connections this run checks: ids only, so holding all of them costs 16 bytes a connection.</summary>
    private async Task<List<Guid>> TargetIdsAsync(CheckScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.PageConnections.AsNoTracking()
            .Where(c => c.Status != ConnectionStatus.Disconnected && c.ProtectedPageToken != null);
        if (scope.TeamId is Guid teamId)
        {
            query = query.Where(c => c.TeamId == teamId);
        }
        if (scope.ConnectionIds is { } connectionIds)
        {
            query = query.Where(c => connectionIds.Contains(c.Id));
        }
        if (scope.FacebookUserId is { } facebookUserId)
        {
            // The person's backup tokens too: when they remove the app, those end as well.
            query = query.Where(c => c.FacebookUserId == facebookUserId
                || db.AuthorizedPages.Any(a => a.TeamId == c.TeamId && a.PageId == c.PageId && a.Grant!.FacebookUserId == facebookUserId));
        }
        return await query.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The targets in chunks of at most <paramref name="operationsPerChunk"/> batch operations (one target a chunk when
    /// 0), their tokens read and decrypted <see cref="LoadChunk"/> connections at a time as the checker asks for more:
    /// at 100,000 connections, holding every decrypted token at once was the part of the check's memory that grew with
    /// N. A connection disconnected since the ids were read is left out.
    /// </summary>
    private async IAsyncEnumerable<CheckTarget[]> LoadTargetsAsync(List<Guid> ids, int operationsPerChunk,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var load in ids.Chunk(LoadChunk))
        {
            List<CheckTarget> targets;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var rows = await db.PageConnections.AsNoTracking()
                    .Where(c => load.Contains(c.Id) && c.Status != ConnectionStatus.Disconnected && c.ProtectedPageToken != null)
                    .Select(c => new { c.Id, c.PageId, c.ProtectedPageToken })
                    .ToListAsync(cancellationToken);
                var authorizations = await AuthorizationsAsync(db, load, cancellationToken);
                targets = [.. rows.Select(r =>
                {
                    var of = authorizations[r.Id];
                    return new CheckTarget(r.Id, r.PageId, tokens.Unprotect(r.ProtectedPageToken!), TokenFingerprint.Of(r.ProtectedPageToken!),
                        of.FirstOrDefault(a => a.InUse)?.Id,
                        [.. of.Where(a => !a.InUse).Take(GraphClient.MaxBatchOperations - 2).Select(a => new BackupToken(a.Id, tokens.Unprotect(a.Token)))]);
                })];
            }
            foreach (var chunk in Pack(targets, operationsPerChunk))
            {
                yield return chunk;
            }
        }
    }

    /// <summary>
    /// Every person's authorization of each connection's page in this team: the one in use (by its grant) and the
    /// backups that could run the page (<see cref="Authorizations.IsUsable"/>), which the check verifies.
    /// </summary>
    private static async Task<ILookup<Guid, StoredAuthorization>> AuthorizationsAsync(OmnichatDbContext db, Guid[] connectionIds,
        CancellationToken cancellationToken)
    {
        var rows = await (
            from c in db.PageConnections.AsNoTracking().Where(c => connectionIds.Contains(c.Id))
            join a in db.AuthorizedPages.AsNoTracking().Where(a => a.ProtectedPageToken != null) on new { c.TeamId, c.PageId } equals new { a.TeamId, a.PageId }
            select new { ConnectionId = c.Id, Row = a, InUse = a.GrantId == c.GrantId })
            .ToListAsync(cancellationToken);
        // The one in use is verified by the check itself whatever was known of it, so a token found failing once and
        // working since is known to work again.
        return rows
            .Where(r => r.InUse || Authorizations.IsUsable(r.Row))
            .OrderByDescending(r => r.Row.RefreshedAt)
            .ToLookup(r => r.ConnectionId, r => new StoredAuthorization(r.Row.Id, r.InUse, r.Row.ProtectedPageToken!));
    }

    /// <summary>Targets packed in order into chunks of at most <paramref name="operations"/> batch operations; one a chunk when 0.</summary>
    private static IEnumerable<CheckTarget[]> Pack(List<CheckTarget> targets, int operations)
    {
        var chunk = new List<CheckTarget>();
        var used = 0;
        foreach (var target in targets)
        {
            if (chunk.Count > 0 && (operations == 0 || used + target.Operations > operations))
            {
                yield return [.. chunk];
                chunk.Clear();
                used = 0;
            }
            chunk.Add(target);
            used += target.Operations;
        }
        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    /// <summary>The verdict with what it showed of each person's token: the one in use by the verdict, each backup by its own answer.</summary>
    private static PageVerdict WithAuthorizations(CheckTarget target, PageHealthAnswer answer, PageVerdict verdict)
    {
        var results = new List<AuthorizationResult>(target.Backups.Length + 1);
        if (target.InUseAuthorizationId is Guid inUse && verdict.Outcome != CheckOutcome.Inconclusive)
        {
            results.Add(new AuthorizationResult(inUse,
                verdict.Outcome == CheckOutcome.Failed && Authorizations.IsTiedToPerson(verdict.Cause) ? verdict.Cause : FailureCause.None));
        }
        for (var i = 0; i < target.Backups.Length && i < answer.Backups.Count; i++)
        {
            if (PageVerdictRules.DecideBackup(answer.Backups[i], target.PageId) is { } cause)
            {
                results.Add(new AuthorizationResult(target.Backups[i].AuthorizedPageId, cause));
            }
        }
        return results.Count == 0 ? verdict : verdict with { Authorizations = results };
    }

    /// <summary>
    /// Asks Facebook about a chunk of pages; returns the answers by page id, the batch's own error when it got no usable
    /// answer at all (every page of it is then inconclusive for that reason), and how many HTTP requests it took.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, PageHealthAnswer> Answers, GraphError? BatchError, int Requests)> AskAsync(
        CheckTarget[] chunk, CancellationToken ct)
    {
        if (!Options.UseBatch)
        {
            var target = chunk.Single();
            var token = await graph.DebugTokenAsync(target.PageToken, ct);
            var subscriptions = await graph.GetSubscribedAppsAsync(target.PageId, target.PageToken, ct);
            var backups = new List<GraphResult<TokenDebugInfo>?>(target.Backups.Length);
            foreach (var backup in target.Backups)
            {
                backups.Add(await graph.DebugTokenAsync(backup.Token, ct));
            }
            return (new Dictionary<string, PageHealthAnswer> { [target.PageId] = new(target.PageId, token, subscriptions, backups) }, null,
                target.Operations);
        }

        var pages = chunk.Select(t => new PageToCheck(t.PageId, t.PageToken, [.. t.Backups.Select(b => b.Token)])).ToList();
        var requests = 0;
        for (var attempt = 0; ; attempt++)
        {
            requests++;
            var batch = await graph.CheckPagesAsync(pages, ct);
            if (batch.IsSuccess)
            {
                return (batch.Value.ToDictionary(a => a.PageId), null, requests);
            }
            var diagnosis = GraphErrorClassifier.Classify(batch.Error);
            if (diagnosis.Cause != FailureCause.RateLimited || attempt >= Options.MaxRateLimitRetries)
            {
                logger.LogWarning("A batch of {Count} pages got no usable answer: {Error}", pages.Count, batch.Error.ToString());
                return (new Dictionary<string, PageHealthAnswer>(), batch.Error, requests);
            }
            // Meta throttles the app: hammering extends the block, so wait longer each time.
            var wait = Options.RateLimitBackoff * Math.Pow(2, attempt);
            logger.LogWarning("Rate limited by Facebook ({Error}); waiting {Wait} before retrying {Count} pages", batch.Error.ToString(), wait, pages.Count);
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>Our app missing from subscribed_apps is repaired here; only a failed re-subscribe is a failure.</summary>
    private async Task<PageVerdict> RepairAsync(CheckTarget target, PageVerdict verdict, CancellationToken ct)
    {
        if (!verdict.NeedsResubscribe)
        {
            return verdict;
        }
        var subscribed = await graph.SubscribeAppAsync(target.PageId, target.PageToken, MessengerWebhookFields.Required, ct);
        if (subscribed.IsSuccess && subscribed.Value)
        {
            logger.LogInformation("Re-subscribed page {PageId} that Facebook had dropped", target.PageId);
            return new PageVerdict(CheckOutcome.Repaired, ConnectionStatus.Healthy, FailureCause.None,
                Detail: verdict.MissingFields.Count > 0 ? HistoryNote.FieldsRepaired(verdict.MissingFields) : HistoryNote.Resubscribed);
        }
        if (!subscribed.IsSuccess && GraphErrorClassifier.Classify(subscribed.Error).Status is null)
        {
            return PageVerdict.Inconclusive(subscribed.Error, HistoryNote.ResubscribeUnanswered(subscribed.Error));
        }
        return PageVerdict.Failed(ConnectionStatus.WebhookNotSubscribed, FailureCause.WebhookNotSubscribed,
            subscribed.IsSuccess ? null : subscribed.Error, HistoryNote.ResubscribeFailed);
    }

    private async Task SlowDownIfNearLimitAsync(CancellationToken ct)
    {
        if (usage.Percent >= Options.SlowDownAtUsagePercent)
        {
            logger.LogInformation("Facebook reports {Percent}% of the app's call limit used; pausing {Pause}", usage.Percent, Options.SlowDownPause);
            await Task.Delay(Options.SlowDownPause, clock, ct);
        }
    }

    private sealed record CheckTarget(Guid ConnectionId, string PageId, string PageToken, string Fingerprint, Guid? InUseAuthorizationId,
        BackupToken[] Backups)
    {
        public int Operations => 2 + Backups.Length;

        public override string ToString() => $"CheckTarget {{ ConnectionId = {ConnectionId}, PageId = {PageId}, Backups = {Backups.Length} }}";
    }

    private sealed record BackupToken(Guid AuthorizedPageId, string Token)
    {
        public override string ToString() => $"BackupToken {{ AuthorizedPageId = {AuthorizedPageId} }}";
    }

    private sealed record StoredAuthorization(Guid Id, bool InUse, string Token)
    {
        public override string ToString() => $"StoredAuthorization {{ Id = {Id}, InUse = {InUse} }}";
    }
}
