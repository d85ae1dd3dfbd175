using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>The actions of the control API and the control panel: kill sessions, change roles, set faults, reset.</summary>
public sealed class SandboxControl(SandboxWorld world, DeauthorizeNotifier deauthorize, ILogger<SandboxControl> logger)
{
    public ControlOutcome KillSessions(string userId, TokenState reason)
    {
        var outcome = world.Update((state, now) =>
        {
            if (state.FindUser(userId) is not { } user)
            {
                return ControlOutcome.NotFound($"Unknown user {userId}");
            }
            if (user.IsSystemUser)
            {
                return ControlOutcome.BadRequest($"{user.Name} is a business's system user: it has no password, session or checkpoint of a person. Use POST /sandbox/api/businesses/{user.SystemUserOfBusinessId}/remove-app.");
            }
            user.SessionGeneration++;
            user.SessionEvents.Add(new SessionEvent { Generation = user.SessionGeneration, Reason = reason, At = now });
            user.TokenState = reason;
            if (reason == TokenState.AppRemoved)
            {
                state.Grants.Remove(userId);
            }
            return ControlOutcome.Ok($"{user.Name}: {reason}");
        });
        if (outcome.Succeeded)
        {
            logger.LogInformation("Sandbox ended the sessions of user {UserId}: {Reason}", userId, reason);
        }
        return outcome;
    }

    /// <summary>Removes the app for the user and posts the deauthorize callback, whose failure does not fail this.</summary>
    public async Task<ControlOutcome> RemoveAppAsync(string userId, CancellationToken cancellationToken)
    {
        var outcome = KillSessions(userId, TokenState.AppRemoved);
        if (!outcome.Succeeded)
        {
            return outcome;
        }
        var callback = await deauthorize.NotifyAsync(userId, cancellationToken);
        var result = callback.Status is { } status ? $"HTTP {status}" : callback.Error ?? "no answer";
        return ControlOutcome.Ok($"{outcome.Message}; deauthorize callback: {result}");
    }

    /// <summary>
    /// The business removes our app under Business Settings > Integrations > Connected apps: its system user's tokens
    /// (and the page tokens from them) end, which is the only thing that ends them. No person's tokens change.
    /// </summary>
    public ControlOutcome BusinessRemovesApp(string businessId)
    {
        var outcome = world.Update((state, now) =>
        {
            if (state.FindBusiness(businessId) is not { } business)
            {
                return ControlOutcome.NotFound($"Unknown business {businessId}");
            }
            if (business.SystemUserId is null || state.FindUser(business.SystemUserId) is not { } systemUser || state.FindGrant(systemUser.Id) is null)
            {
                return ControlOutcome.BadRequest($"{business.Name} has not installed the app with a system-user configuration.");
            }
            systemUser.SessionGeneration++;
            systemUser.SessionEvents.Add(new SessionEvent { Generation = systemUser.SessionGeneration, Reason = TokenState.AppRemoved, At = now });
            systemUser.TokenState = TokenState.AppRemoved;
            state.Grants.Remove(systemUser.Id);
            foreach (var page in state.Pages.Where(p => p.Roles.ContainsKey(systemUser.Id)))
            {
                page.Roles.Remove(systemUser.Id);
            }
            return ControlOutcome.Ok($"{business.Name}: app removed; its system user's tokens ended");
        });
        if (outcome.Succeeded)
        {
            logger.LogInformation("Sandbox business {BusinessId} removed the app", businessId);
        }
        return outcome;
    }

    /// <summary>Clears a checkpoint (or any state) for the panel; tokens killed earlier stay dead.</summary>
    public ControlOutcome Restore(string userId) => world.Update((state, _) =>
    {
        if (state.FindUser(userId) is not { } user)
        {
            return ControlOutcome.NotFound($"Unknown user {userId}");
        }
        user.TokenState = TokenState.Valid;
        return ControlOutcome.Ok($"{user.Name}: valid");
    });

    public ControlOutcome SetRoles(string pageId, string userId, IReadOnlyList<string>? tasks)
    {
        if (tasks is null)
        {
            return ControlOutcome.BadRequest("Body must be {\"tasks\":[...]}; an empty list removes the role.");
        }
        var unknown = tasks.FirstOrDefault(t => !PageTasks.Known.Contains(t));
        if (unknown is not null)
        {
            return ControlOutcome.BadRequest($"Unknown task '{unknown}'. Known tasks: {string.Join(", ", PageTasks.Known)}");
        }
        return world.Update((state, _) =>
        {
            if (state.FindPage(pageId) is not { } page)
            {
                return ControlOutcome.NotFound($"Unknown page {pageId}");
            }
            if (state.FindUser(userId) is not { } user)
            {
                return ControlOutcome.NotFound($"Unknown user {userId}");
            }
            if (tasks.Count == 0)
            {
                page.Roles.Remove(userId);
            }
            else
            {
                page.Roles[userId] = [.. tasks.Distinct()];
            }
            return ControlOutcome.Ok($"{page.Name}: {user.Name} → {(tasks.Count == 0 ? "no role" : string.Join(", ", tasks))}");
        });
    }

    public ControlOutcome SetReceiver(string pageId, string? appId) => world.Update((state, _) =>
    {
        if (state.FindPage(pageId) is not { } page)
        {
            return ControlOutcome.NotFound($"Unknown page {pageId}");
        }
        if (string.IsNullOrWhiteSpace(appId))
        {
            return ControlOutcome.BadRequest("Body must be {\"appId\":\"...\"}.");
        }
        if (appId != state.AppId && state.OtherApps.All(a => a.Id != appId))
        {
            return ControlOutcome.NotFound($"Unknown app {appId}");
        }
        page.ReceiverAppId = appId;
        return ControlOutcome.Ok($"{page.Name}: receiver app {appId}");
    });

    /// <summary>Most pages one bulk call adds; enough for load tests, small enough to keep a mistyped count harmless.</summary>
    public const int MaxBulkPages = 100_000;

    /// <summary>
    /// Adds pages for load tests: ids continue after the last bulk page (1046...), the user is admin of each, our app is
    /// the receiver and, when asked, already subscribed to the Messenger fields, as if the pages had been connected before.
    /// </summary>
    public BulkPagesOutcome AddPages(BulkPagesRequest? request)
    {
        if (request is null || request.Count is < 1 or > MaxBulkPages || string.IsNullOrWhiteSpace(request.UserId))
        {
            return new BulkPagesOutcome(ControlOutcome.BadRequest(
                $"Body must be {{\"count\":1..{MaxBulkPages},\"userId\":\"...\",\"userName\":\"...\",\"subscribed\":true,\"coAdminId\":\"...\",\"coAdminName\":\"...\"}}."), []);
        }
        var outcome = world.Update((state, _) =>
        {
            string[] admins = string.IsNullOrWhiteSpace(request.CoAdminId) ? [request.UserId] : [request.UserId, request.CoAdminId];
            var missing = admins.Zip([request.UserName, request.CoAdminName]).Where(a => state.FindUser(a.First) is null).ToList();
            if (missing.FirstOrDefault(a => string.IsNullOrWhiteSpace(a.Second)) is { First: { } unnamed })
            {
                return new BulkPagesOutcome(ControlOutcome.NotFound($"Unknown user {unnamed}; give its name to create it"), []);
            }
            state.Users.AddRange(missing.Select(a => new SandboxUser { Id = a.First, Name = a.Second! }));
            var ids = BulkPages.Add(state, request.Count, admins, request.Subscribed);
            return new BulkPagesOutcome(ControlOutcome.Ok($"Added {ids.Count} pages for user {request.UserId}"), ids);
        });
        if (outcome.Outcome.Succeeded)
        {
            logger.LogInformation("Sandbox added {Count} pages for user {UserId}", outcome.PageIds.Count, request.UserId);
        }
        return outcome;
    }

    /// <summary>What Meta does after about an hour of failed webhooks: our app is dropped from the page.</summary>
    public ControlOutcome DropSubscription(string pageId) => world.Update((state, _) =>
    {
        if (state.FindPage(pageId) is not { } page)
        {
            return ControlOutcome.NotFound($"Unknown page {pageId}");
        }
        page.SubscribedApps.Remove(state.AppId);
        return ControlOutcome.Ok($"{page.Name}: subscription dropped");
    });

    public ControlOutcome SetFaults(FaultSettings? faults)
    {
        if (faults is null)
        {
            return ControlOutcome.BadRequest("Body must be {\"latencyMs\":0,\"transientErrorRate\":0.0,\"rateLimited\":false,\"nullBatchItemRate\":0.0,\"appUsagePercent\":0}.");
        }
        if (faults.LatencyMs is < 0 or > 120_000)
        {
            return ControlOutcome.BadRequest("latencyMs must be between 0 and 120000.");
        }
        if (faults.TransientErrorRate is < 0 or > 1 || faults.NullBatchItemRate is < 0 or > 1)
        {
            return ControlOutcome.BadRequest("transientErrorRate and nullBatchItemRate must be between 0 and 1.");
        }
        if (faults.AppUsagePercent is < 0 or > 100)
        {
            return ControlOutcome.BadRequest("appUsagePercent must be between 0 and 100.");
        }
        world.Update((state, _) => state.Faults = faults);
        return ControlOutcome.Ok("Faults saved");
    }

    /// <summary>Moves the world's clock forward, so codes (10 min) and short-lived tokens (2 h) can expire on demand.</summary>
    public ControlOutcome AdvanceClock(long seconds)
    {
        if (seconds <= 0)
        {
            return ControlOutcome.BadRequest("Give a positive number of seconds or minutes.");
        }
        var now = world.Update((state, now) =>
        {
            state.ClockOffsetSeconds += seconds;
            return now.AddSeconds(seconds);
        });
        return ControlOutcome.Ok($"Sandbox clock is now {now:O}");
    }

    public ControlOutcome Reset()
    {
        world.Reset();
        return ControlOutcome.Ok("Sandbox reset to the demo world");
    }
}
