using Microsoft.Extensions.Options;

namespace Omnichat.Core.Data;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var problems = new List<string>();
        if (options.Provider is not (DatabaseProvider.Sqlite or DatabaseProvider.Postgres))
        {
            problems.Add($"Database:Provider '{options.Provider}' is not supported; use '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");
        }
        if (options.SqliteSynchronous.ToUpperInvariant() is not ("FULL" or "NORMAL"))
        {
            problems.Add($"Database:SqliteSynchronous must be FULL or NORMAL (is '{options.SqliteSynchronous}').");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
