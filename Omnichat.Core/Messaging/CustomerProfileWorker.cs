using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Runs <see cref="CustomerProfileLookup"/> when a new conversation exists and at an interval, outside webhook processing so
/// a slow Graph call never holds up the inbox.
/// </summary>
public sealed class CustomerProfileWorker(
    IServiceScopeFactory scopes,
    CustomerProfileSignal signal,
    IOptions<CustomerProfileOptions> options,
    ILogger<CustomerProfileWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int tried;
                // A scope per round: the typed Graph client's handler is then rotated like everywhere else.
                await using (var scope = scopes.CreateAsyncScope())
                {
                    tried = await scope.ServiceProvider.GetRequiredService<CustomerProfileLookup>().LookUpPendingAsync(stoppingToken);
                }
                // A full batch means more may be waiting: go again at once.
                if (tried < options.Value.BatchSize)
                {
                    await signal.WaitAsync(options.Value.Interval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                CustomerProfileLog.RoundFailed(logger, ex);
                await signal.WaitAsync(options.Value.Interval, stoppingToken);
            }
        }
    }
}
