using System.Linq.Expressions;
using System.Reflection;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// One refusal the isolation tests check: who calls what on whose data, and what proves it was refused. It names the
/// Core method it covers, so the reflection test can tell which methods taking a <c>Caller</c> have no case.
/// </summary>
public sealed record IsolationCase(string Name, MethodInfo Covers, Func<IsolationWorld, Task> Run)
{
    public override string ToString() => Name;

    /// <summary>A case for the method called in <paramref name="call"/> (the arguments there are never evaluated).</summary>
    public static IsolationCase For<TService>(Expression<Func<TService, object?>> call, string who, Func<IsolationWorld, Task> run)
    {
        var method = MethodOf(call.Body);
        return new IsolationCase($"{Describe(method)}: {who}", method, run);
    }

    /// <summary>"InboxService.GetAsync(Caller, Guid, CancellationToken)": overloads stay apart.</summary>
    public static string Describe(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static MethodInfo MethodOf(Expression body) => body switch
    {
        MethodCallExpression call => call.Method,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => MethodOf(convert.Operand),
        _ => throw new ArgumentException($"not a method call: {body}"),
    };
}
