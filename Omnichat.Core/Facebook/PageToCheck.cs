namespace Omnichat.Core.Facebook;

public sealed record PageToCheck(string PageId, string PageToken)
{
    public override string ToString() => $"PageToCheck {{ PageId = {PageId} }}";
}
