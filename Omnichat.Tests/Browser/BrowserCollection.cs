namespace Omnichat.Tests.Browser;

/// <summary>Browser tests share one chromium and run one at a time: two cores cannot host parallel browsers and servers.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
