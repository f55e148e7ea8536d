using System.Security.Cryptography;
using System.Text;

namespace QuantFunctions.Lake.Azure;

/// <summary>Signs Blob and Queue requests with the account key (SharedKey, service versions ≥ 2009-09-19).</summary>
/// <remarks>
/// StringToSign = VERB \n Content-Encoding \n Content-Language \n Content-Length (empty when 0) \n Content-MD5 \n
/// Content-Type \n Date (empty: x-ms-date is sent) \n If-Modified-Since \n If-Match \n If-None-Match \n
/// If-Unmodified-Since \n Range \n CanonicalizedHeaders CanonicalizedResource; the signature is
/// Base64(HMAC-SHA256(key, UTF-8(StringToSign))). CanonicalizedHeaders: every <c>x-ms-*</c> header, lower-cased,
/// sorted, <c>name:value\n</c>. CanonicalizedResource: <c>/{account}{URI path as sent}</c> then one
/// <c>\n{name}:{decoded values joined by ','}</c> per query parameter, sorted by lower-cased name.
/// Reference: learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key.
/// </remarks>
internal sealed class SharedKeySigner
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    private readonly string _accountName;
    private readonly byte[] _key;

    public SharedKeySigner(StorageConnectionString connection)
    {
        _accountName = connection.AccountName;
        _key = connection.AccountKey.ToArray();
    }

    /// <summary>Adds the <c>Authorization</c> header; the request must already carry x-ms-date and x-ms-version.</summary>
    public void Sign(HttpRequestMessage request)
    {
        string stringToSign = BuildStringToSign(request, _accountName);
        byte[] mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign));
        request.Headers.TryAddWithoutValidation("Authorization", "SharedKey " + _accountName + ":" + Convert.ToBase64String(mac));
    }

    /// <summary>The canonical string the signature covers (exposed for tests).</summary>
    internal static string BuildStringToSign(HttpRequestMessage request, string accountName)
    {
        var sb = new StringBuilder(256);
        sb.Append(request.Method.Method).Append('\n');
        foreach (string name in StandardHeaders)
        {
            if (name == "Content-Length")
            {
                long? length = request.Content?.Headers.ContentLength;
                if (length is > 0)
                {
                    sb.Append(length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(HeaderValue(request, name));
            }

            sb.Append('\n');
        }

        AppendCanonicalizedHeaders(sb, request);
        AppendCanonicalizedResource(sb, request.RequestUri ?? throw new InvalidOperationException("The request has no URI."), accountName);
        return sb.ToString();
    }

    private static string HeaderValue(HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out IEnumerable<string>? values)
            || (request.Content is not null && request.Content.Headers.TryGetValues(name, out values)))
        {
            return string.Join(',', values);
        }

        return string.Empty;
    }

    private static void AppendCanonicalizedHeaders(StringBuilder sb, HttpRequestMessage request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            if (header.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(header.Key.ToLowerInvariant(), string.Join(',', header.Value).Trim()));
            }
        }

        headers.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (KeyValuePair<string, string> header in headers)
        {
            sb.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder sb, Uri uri, string accountName)
    {
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        string query = uri.Query;
        if (query.Length <= 1)
        {
            return;
        }

        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!parameters.TryGetValue(name, out List<string>? list))
            {
                parameters[name] = list = [];
            }

            list.Add(value);
        }

        foreach (KeyValuePair<string, List<string>> parameter in parameters)
        {
            parameter.Value.Sort(StringComparer.Ordinal);
            sb.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', parameter.Value));
        }
    }
}
