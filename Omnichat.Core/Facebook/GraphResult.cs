using System.Diagnostics.CodeAnalysis;

namespace Omnichat.Core.Facebook;

/// <summary>The outcome of one Graph call: expected failures are values the caller switches on, not exceptions.</summary>
public sealed class GraphResult<T>
{
    private GraphResult(T? value, GraphError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public GraphError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static GraphResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    public static GraphResult<T> Failure(GraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    public override string ToString() => IsSuccess ? "Success" : $"Failure {Error}";
}
