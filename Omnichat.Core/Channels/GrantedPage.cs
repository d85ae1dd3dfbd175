using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>A page from me/accounts together with the required permissions the consent left out for it.</summary>
internal sealed record GrantedPage(PageAccount Account, IReadOnlyList<string> MissingScopes)
{
    public static IReadOnlyList<GrantedPage> From(IReadOnlyList<PageAccount> accounts, TokenDebugInfo userToken)
    {
        return accounts.Select(a => new GrantedPage(a, RequiredScopes.PerPage.Where(s => !Covers(userToken, s, a.Id)).ToList())).ToList();
    }

    // With "all pages" chosen, Meta omits target_ids; with specific pages, only those ids are listed.
    private static bool Covers(TokenDebugInfo token, string scope, string pageId)
    {
        if (!token.Scopes.Contains(scope))
        {
            return false;
        }
        var targets = token.TargetIdsFor(scope);
        return targets is null || targets.Contains(pageId);
    }
}
