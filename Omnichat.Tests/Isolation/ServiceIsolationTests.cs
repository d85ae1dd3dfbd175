using System.Reflection;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// Team isolation by construction: every public Core method that takes a <see cref="Caller"/> has at least one case in
/// which a caller of another team (or an agent, or support staff, where the rule is about roles) is refused, gets
/// nothing of Demo Shop's, and changes nothing in the database. A new such method without a case fails
/// <see cref="EveryMethodTakingACaller_HasAnIsolationCase"/> with its name.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class ServiceIsolationTests(IsolationWorld world)
{
    public static IReadOnlyList<IsolationCase> AllCases { get; } =
    [
        .. ChannelIsolationCases.All,
        .. MessagingIsolationCases.All,
        .. IntegrationIsolationCases.All,
        .. TeamAndHealthIsolationCases.All,
        .. BackfillIsolationCases.All,
    ];

    public static TheoryData<string> CaseNames => new(AllCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Refused_GetsNothingAndChangesNothing(string name) => AllCases.Single(c => c.Name == name).Run(world);

    /// <summary>Public methods of public Core types with a <see cref="Caller"/> parameter; the record's own members aside.</summary>
    internal static IEnumerable<MethodInfo> MethodsTakingACaller() =>
        typeof(Caller).Assembly.GetExportedTypes()
            .Where(t => t != typeof(Caller))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetParameters().Any(p => p.ParameterType == typeof(Caller)));
}
