using Microsoft.Extensions.DependencyInjection;

namespace Omnichat.Core.Teams;

internal static class TeamsRegistration
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddSingleton<TeamSettingsService>();
        return services;
    }
}
