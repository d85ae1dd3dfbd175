using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Quartz;

namespace Omnichat.Core.Retention;

internal static class RetentionRegistration
{
    /// <summary>The clean-up service and its options, validated at start; its job is scheduled by <see cref="AddRetentionJob"/>.</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName);
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddTransient<RetentionService>();
        return builder;
    }

    /// <summary>
    /// The daily job in the check's Quartz scheduler (ScheduleRegistration), so it shares its persistent store and its
    /// clustering; with the scheduler off (tests) nothing is scheduled and the service is called directly. A day missed
    /// while the console was down is made up once at the next start.
    /// </summary>
    public static IQuartzBuilder AddRetentionJob(this IQuartzBuilder quartz)
    {
        quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(RetentionJob.Key)
            .WithIdentity(RetentionJob.TriggerKey)
            .WithCronSchedule(RetentionJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        return quartz;
    }
}
