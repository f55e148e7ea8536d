using System.Globalization;
using System.Text;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// The <c>reason</c> of a terminate request, made safe to log and record: at most <see cref="MaxLength"/> characters,
/// control, format and line-separator characters replaced by spaces (no forged log lines), whitespace collapsed.
/// </summary>
public static class TerminateReason
{
    /// <summary>The longest reason accepted, in characters (before cleaning).</summary>
    public const int MaxLength = 500;

    /// <summary>The reason recorded when none is given.</summary>
    public const string Default = "terminated over the HTTP API";

    /// <summary>Cleans <paramref name="raw"/>; 400 <see cref="ErrorCodes.BadReason"/> when it is too long.</summary>
    public static ApiResult<string> Clean(string? raw)
    {
        if (raw is not null && raw.Length > MaxLength)
        {
            return new ApiProblem(ErrorCodes.BadReason,
                $"reason is {raw.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxLength.ToString(CultureInfo.InvariantCulture)} are accepted.");
        }

        var text = new StringBuilder(raw?.Length ?? 0);
        bool space = false;
        foreach (char c in raw ?? string.Empty)
        {
            bool blank = char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (blank)
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        return ApiResult<string>.Ok(text.Length == 0 ? Default : text.ToString());
    }
}
