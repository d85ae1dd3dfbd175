using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichat.Core.Data;
using Quartz;

namespace Omnichat.Core.Health;

internal static class ScheduleRegistration
{
    /// <summary>
    /// Quartz with its job store in the console's own database, so the schedule survives restarts: a run missed while
    /// the console was down is made up once at start, and [DisallowConcurrentExecution] keeps runs from overlapping.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrationCheckSchedule(this IHostApplicationBuilder builder)
    {
        var health = builder.Configuration.GetSection(HealthCheckOptions.SectionName).Get<HealthCheckOptions>() ?? new HealthCheckOptions();
        // An invalid cron expression is reported with every other configuration problem by HealthCheckOptionsValidator.
        if (!health.SchedulerEnabled || !CronSchedule.IsValid(health.Schedule))
        {
            return builder;
        }
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? DatabaseOptions.DefaultConnectionString;
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            quartz.AddJob<IntegrationCheckJob>(job => job.WithIdentity(IntegrationCheckJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(IntegrationCheckJob.Key)
                .WithIdentity(ScheduleReconciler.TriggerKey)
                .WithCronSchedule(health.Schedule, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        // Keep the stored trigger across restarts: re-declaring it would reset its next fire time and lose a missed
        // run. A changed schedule in configuration is applied by ScheduleReconciler instead.
        builder.Services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        builder.Services.AddHostedService<ScheduleReconciler>();
        builder.Services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        return builder;
    }
}
