using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>What a grant lets the app see: which pages, which scopes, and the granular_scopes Meta reports.</summary>
public static class GrantRules
{
    /// <summary>Scopes whose granular entries list pages.</summary>
    public static bool IsPageScope(string scope) => scope.StartsWith("pages_", StringComparison.Ordinal) || scope.StartsWith("instagram_", StringComparison.Ordinal);

    /// <summary>
    /// A personal page needs pages_show_list for it ("all" or ticked); a business page is reached only through
    /// business_management with its business selected, which is why Meta hides such pages without it.
    /// </summary>
    public static bool CoversPage(SandboxGrant grant, SandboxPage page)
    {
        if (page.BusinessId is null)
        {
            return grant.Granted.Contains("pages_show_list") && (grant.AllPages || grant.PageIds.Contains(page.Id));
        }
        return grant.Granted.Contains("business_management")
            && (grant.AllBusinesses || grant.BusinessIds.Contains(page.BusinessId));
    }

    /// <summary>Pages the app may list and impersonate for the user, in the world's order.</summary>
    public static IEnumerable<SandboxPage> VisiblePages(WorldState world, SandboxGrant grant) =>
        world.Pages.Where(p => p.Roles.ContainsKey(grant.UserId) && CoversPage(grant, p));

    public static List<string> ScopesOf(SandboxGrant grant) =>
        grant.Granted.Contains("public_profile") ? [.. grant.Granted] : [.. grant.Granted, "public_profile"];

    /// <summary>Page targets for granular scopes; null when the user chose all pages (Meta then omits target_ids).</summary>
    public static List<string>? PageTargets(WorldState world, SandboxGrant grant)
    {
        if (grant.AllPages)
        {
            return null;
        }
        // A business's system user reaches only the pages its business gave it, not every page of the business.
        var systemUser = world.FindUser(grant.UserId)?.IsSystemUser == true;
        var businessPages = world.Pages.Where(p => p.BusinessId is not null && CoversPage(grant, p) && (!systemUser || p.Roles.ContainsKey(grant.UserId)))
            .Select(p => p.Id);
        return [.. grant.PageIds.Concat(businessPages).Distinct()];
    }

    public static List<string>? BusinessTargets(SandboxGrant grant) => grant.AllBusinesses ? null : [.. grant.BusinessIds];

    /// <summary>granular_scopes: target_ids are strings, and absent when the grant covers every asset.</summary>
    public static JsonArray Granular(IEnumerable<string> scopes, List<string>? pageTargets, List<string>? businessTargets)
    {
        var result = new JsonArray();
        foreach (var scope in scopes)
        {
            List<string>? targets;
            if (IsPageScope(scope))
            {
                targets = pageTargets;
            }
            else if (scope == "business_management")
            {
                targets = businessTargets;
            }
            else
            {
                continue;
            }
            var entry = new JsonObject { ["scope"] = scope };
            if (targets is not null)
            {
                entry["target_ids"] = new JsonArray([.. targets.Select(t => (JsonNode)t)]);
            }
            result.Add(entry);
        }
        return result;
    }
}
