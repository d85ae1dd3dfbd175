using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Backfill;

internal static class BackfillRegistration
{
    /// <summary>Gaps, their back-fill worker, the console's heartbeat, and the support action that asks for one.</summary>
    public static IServiceCollection AddBackfill(this IServiceCollection services)
    {
        services.AddValidatedOptions<BackfillOptions>(BackfillOptions.SectionName);
        services.AddSingleton<IValidateOptions<BackfillOptions>, BackfillOptionsValidator>();
        services.AddSingleton<ConversationsPacer>();
        services.AddSingleton<BackfillSignal>();
        services.AddTransient<BackfillRunner>();
        services.AddTransient<BackfillService>();
        services.AddHostedService<BackfillWorker>();
        services.AddSingleton<DowntimeRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<DowntimeRecorder>());
        services.AddSingleton<IntakeRefusalGaps>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeRefusalGaps>());
        return services;
    }
}
