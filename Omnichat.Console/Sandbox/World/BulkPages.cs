using System.Globalization;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox.World;

/// <summary>Pages made in bulk for load tests; their ids (1046...) never meet the demo pages' (1045...).</summary>
public static class BulkPages
{
    public const long FirstId = 104600000000001;

    /// <summary>Adds <paramref name="count"/> pages administered by each of <paramref name="admins"/>; the caller holds the world's lock.</summary>
    public static IReadOnlyList<string> Add(WorldState world, int count, IReadOnlyList<string> admins, bool subscribed)
    {
        var next = world.Pages
            .Select(p => long.TryParse(p.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id >= FirstId)
            .DefaultIfEmpty(FirstId - 1)
            .Max() + 1;
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = (next + i).ToString(CultureInfo.InvariantCulture);
            var page = new SandboxPage
            {
                Id = id,
                Name = string.Create(CultureInfo.InvariantCulture, $"Bulk page {next + i - FirstId + 1:D5}"),
                ReceiverAppId = world.AppId,
            };
            foreach (var admin in admins)
            {
                page.Roles[admin] = [.. PageTasks.Admin];
            }
            if (subscribed)
            {
                page.SubscribedApps[world.AppId] = [.. MessengerWebhookFields.Required];
            }
            world.Pages.Add(page);
            ids.Add(id);
        }
        return ids;
    }
}
