namespace Omnichat.Tests.Isolation;

/// <summary>The service and route isolation tests share one <see cref="IsolationWorld"/> and run one at a time, so each snapshot sees only its own call.</summary>
[CollectionDefinition(Name)]
public sealed class IsolationCollection : ICollectionFixture<IsolationWorld>
{
    public const string Name = "Isolation";
}
