using System.Reflection;
using System.Text.Json;

namespace QuantFunctions.Core.Errors;

/// <summary>
/// The registry of every stable error code (one field per code, grouped by area in the partial files); docs/errors.md
/// lists exactly these. <see cref="Of"/> finds the code of an exception.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>Every registered code, ordered by <see cref="ErrorCode.Value"/>.</summary>
    public static IReadOnlyList<ErrorCode> All => Registry.Codes;

    /// <summary>The registered code with <paramref name="value"/>, or null.</summary>
    public static ErrorCode? Find(string value) => Registry.ByValue.GetValueOrDefault(value);

    /// <summary>
    /// The code of <paramref name="exception"/>: its own (<see cref="ICodedError"/>), or for the framework's input errors
    /// <see cref="FileNotFound"/>, <see cref="InvalidArgument"/>, <see cref="KeyNotFound"/> or <see cref="InvalidFormat"/>;
    /// null for anything else (a fault to report with its stack trace).
    /// </summary>
    public static ErrorCode? Of(Exception exception) => exception switch
    {
        ICodedError coded => coded.Code,
        FileNotFoundException or DirectoryNotFoundException => FileNotFound,
        ArgumentException => InvalidArgument,
        KeyNotFoundException => KeyNotFound,
        FormatException or JsonException => InvalidFormat,
        _ => null,
    };

    // Built on first use, after every field of ErrorCodes (in whichever partial file) is initialised.
    private static class Registry
    {
        internal static readonly ErrorCode[] Codes = Collect();

        internal static readonly Dictionary<string, ErrorCode> ByValue = Codes.ToDictionary(c => c.Value, StringComparer.Ordinal);

        private static ErrorCode[] Collect()
        {
            var codes = new List<ErrorCode>();
            foreach (FieldInfo field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is ErrorCode code)
                {
                    codes.Add(code);
                }
            }

            codes.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
            return [.. codes];
        }
    }
}
