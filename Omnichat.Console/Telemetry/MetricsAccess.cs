using System.Security.Claims;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c> on the public port: a signed-in member of the support staff, nobody else, and never
/// anyone anonymously (the figures describe every team at once). The scraper reads it on the management port.
/// </summary>
internal static class MetricsAccess
{
    public static bool IsSupportStaff(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Support);
}
