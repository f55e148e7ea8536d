namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// The rules of outbound market data URLs: absolute, https — plain http only to a loopback host (local fixtures and
/// emulators) — and no user information; a redirect may only stay on the same scheme, host and port.
/// </summary>
public static class OutboundUrl
{
    /// <summary>Null when <paramref name="url"/> may be requested, else why not (a sentence naming the URL).</summary>
    public static string? Problem(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return $"'{url}' is not an absolute URL";
        }

        if (url.UserInfo.Length > 0)
        {
            return $"'{Display(url)}' carries user information; credentials do not go in URLs";
        }

        return url.Scheme switch
        {
            "https" => null,
            "http" when url.IsLoopback => null,
            "http" => $"'{Display(url)}' is plain http to a host that is not loopback; https is required",
            _ => $"'{Display(url)}' is not an http(s) URL",
        };
    }

    /// <summary>True when a response of <paramref name="from"/> may redirect to <paramref name="to"/>: same scheme, host and port.</summary>
    public static bool IsSameOrigin(Uri from, Uri to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return to.IsAbsoluteUri && Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>The URL for messages and logs: scheme, host, port, path and query, never user information.</summary>
    public static string Display(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped) : url.OriginalString;
    }
}
