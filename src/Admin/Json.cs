using System.Text;

namespace Execline.Admin;

/// The few JSON values our reports are made of, written by hand: System.Text.Json would add its size to
/// the executable for objects of strings and numbers.
static class Json
{
    public static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\t': b.Append("\\t"); break;
                case '\r': b.Append("\\r"); break;
                default:
                    if (c < ' ') b.Append($"\\u{(int)c:x4}");
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    public static string Value(string? s) => s == null ? "null" : Quote(s);

    public static string Value(long? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    public static string Value(bool? b) => b == null ? "null" : b.Value ? "true" : "false";

    /// {"k": v, ...} from pairs whose values are already JSON.
    public static string Object(params (string Key, string Value)[] members) =>
        "{" + string.Join(", ", members.Select(m => $"{Quote(m.Key)}: {m.Value}")) + "}";

    public static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
