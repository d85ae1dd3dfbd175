using System.Collections.Frozen;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// An enum value as a label value in the style of OpenTelemetry's own: "NeedsReauthorization" as
/// "needs_reauthorization". Worked out once per enum type, so recording a reply, an e-mail or a Graph call allocates
/// nothing for its labels.
/// </summary>
internal static class LabelValue
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.All.TryGetValue(value, out var name) ? name : Snake(value.ToString());

    /// <summary>"NeedsReauthorization" as "needs_reauthorization".</summary>
    internal static string Snake(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(pascal[i]));
        }
        return text.ToString();
    }

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> All = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => Snake(v.ToString()));
    }
}
