namespace Omnichat.Core.Teams;

/// <summary>The languages a team's e-mails can be written in (<see cref="Team.Culture"/>).</summary>
public static class TeamCultures
{
    public const string TraditionalChinese = "zh-TW";
    public const string English = "en";
    public const string Default = TraditionalChinese;

    public static readonly IReadOnlyList<string> All = [TraditionalChinese, English];

    public static bool IsSupported(string? name) => All.Contains(name ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported name for <paramref name="name"/>, or the default for anything else (an old or hand-edited row).</summary>
    public static string Normalize(string? name) =>
        All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? Default;
}
