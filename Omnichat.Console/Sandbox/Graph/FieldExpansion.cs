namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// One item of a Graph <c>fields</c> list with field expansion, e.g. <c>messages.limit(25){id,created_time,from}</c>:
/// the name, an optional <c>.limit(n)</c> and the nested fields (empty when none were asked for).
/// </summary>
public sealed record FieldExpansion(string Name, int? Limit, IReadOnlyList<FieldExpansion> Fields)
{
    /// <summary>Splits a fields list on the commas outside braces; null for an unbalanced list.</summary>
    public static IReadOnlyList<FieldExpansion>? Parse(string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return [];
        }
        var items = new List<FieldExpansion>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= fields.Length; i++)
        {
            var c = i < fields.Length ? fields[i] : ',';
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth < 0)
            {
                return null;
            }
            else if (c == ',' && depth == 0)
            {
                var item = fields[start..i].Trim();
                start = i + 1;
                if (item.Length == 0)
                {
                    continue;
                }
                if (One(item) is not { } parsed)
                {
                    return null;
                }
                items.Add(parsed);
            }
        }
        return depth == 0 ? items : null;
    }

    private static FieldExpansion? One(string item)
    {
        IReadOnlyList<FieldExpansion> nested = [];
        var brace = item.IndexOf('{');
        if (brace >= 0)
        {
            if (!item.EndsWith('}') || Parse(item[(brace + 1)..^1]) is not { } inner)
            {
                return null;
            }
            nested = inner;
            item = item[..brace];
        }
        int? limit = null;
        var dot = item.IndexOf('.');
        if (dot >= 0)
        {
            var modifier = item[(dot + 1)..];
            if (!modifier.StartsWith("limit(", StringComparison.Ordinal) || !modifier.EndsWith(')')
                || !int.TryParse(modifier[6..^1], out var n) || n < 1)
            {
                return null;
            }
            limit = n;
            item = item[..dot];
        }
        return new FieldExpansion(item.Trim(), limit, nested);
    }
}
