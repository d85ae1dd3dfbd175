using System.Globalization;
using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>
/// Meta sends webhook JSON with every non-ASCII character escaped as <c>\uxxxx</c> (lower-case hex) and <c>/</c> as
/// <c>\/</c> (§6.3). The sandbox writes bodies this way, so a console that re-serialises before checking fails like it would on Facebook.
/// </summary>
public static class MetaJsonEscaping
{
    /// <summary>Escapes compact JSON text; non-ASCII and '/' only ever occur inside strings, so a plain scan is safe.</summary>
    public static string Escape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c > 0x7F)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (c == '/')
            {
                text.Append("\\/");
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
