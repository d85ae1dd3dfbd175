using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichat.Core.Data;
using Omnichat.Core.Deployment;
using Omnichat.Core.Retention;
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
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // Made by the container, so it is disposed (the lock let go) when this console stops.
            builder.Services.AddSingleton<IStartupCheck>(_ => new SqliteSchedulerLock(connectionString));
        }
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    // Several instances share one database: the store is clustered, so each firing runs on one of them,
                    // and the runs of an instance that died are taken over by another (jobs that request recovery).
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // Each instance of a cluster needs an id of its own, made from the host name and the time.
                quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
            }
            quartz.AddJob<IntegrationCheckJob>(job => job.WithIdentity(IntegrationCheckJob.Key).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger
                .ForJob(IntegrationCheckJob.Key)
                .WithIdentity(ScheduleReconciler.TriggerKey)
                .WithCronSchedule(health.Schedule, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddRetentionJob();
        });
        // Keep the stored trigger across restarts: re-declaring it would reset its next fire time and lose a missed
        // run. A changed schedule in configuration is applied by ScheduleReconciler instead.
        builder.Services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        builder.Services.AddHostedService<ScheduleReconciler>();
        builder.Services.AddHostedService<CheckOverdueMonitor>();
        builder.Services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        return builder;
    }

    /// <summary>The stored trigger of the scheduled check as the reconciler and the overdue monitor replace it (same as declared above).</summary>
    public static ITrigger BuildTrigger(string schedule) => TriggerBuilder.Create()
        .ForJob(IntegrationCheckJob.Key)
        .WithIdentity(ScheduleReconciler.TriggerKey)
        .WithCronSchedule(schedule, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
