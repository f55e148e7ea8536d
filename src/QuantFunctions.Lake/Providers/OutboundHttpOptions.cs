using System.Globalization;

namespace QuantFunctions.Lake.Providers;

/// <summary>
/// The deployment's limits on outbound market data HTTP (environment variables <c>QF_HTTP_*</c>, read by
/// <see cref="FromSettings"/> at start-up). Every value is checked when set.
/// </summary>
public sealed record OutboundHttpOptions
{
    /// <summary><c>QF_HTTP_ATTEMPT_TIMEOUT</c>: seconds one attempt (connect, headers and body) may take.</summary>
    public const string AttemptTimeoutSetting = "QF_HTTP_ATTEMPT_TIMEOUT";

    /// <summary><c>QF_HTTP_STAGE_DEADLINE</c>: seconds a stage's outbound HTTP may take in all.</summary>
    public const string StageDeadlineSetting = "QF_HTTP_STAGE_DEADLINE";

    /// <summary><c>QF_HTTP_MAX_RESPONSE_BYTES</c>: the largest response body accepted.</summary>
    public const string MaxResponseBytesSetting = "QF_HTTP_MAX_RESPONSE_BYTES";

    /// <summary><c>QF_HTTP_MAX_PAGES</c>: the most pages one paginated request may take.</summary>
    public const string MaxPagesSetting = "QF_HTTP_MAX_PAGES";

    private readonly TimeSpan _attemptTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _stageDeadline = TimeSpan.FromMinutes(20);
    private readonly long _maxResponseBytes = 16L * 1024 * 1024;
    private readonly int _maxPages = 20;

    /// <summary>How long one attempt may take, body included; a timed-out attempt is retried like a connection failure.</summary>
    /// <value>Default 30 s; 1 s to 10 min.</value>
    public TimeSpan AttemptTimeout
    {
        get => _attemptTimeout;
        init => _attemptTimeout = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromMinutes(10) ? value : throw Range(nameof(AttemptTimeout), value, "1 s to 10 min");
    }

    /// <summary>How long a stage's outbound HTTP may take in all (discovery, every symbol, retries and their waits).</summary>
    /// <value>Default 20 min (below host.json's 30 min <c>functionTimeout</c>); 1 s to 24 h.</value>
    public TimeSpan StageDeadline
    {
        get => _stageDeadline;
        init => _stageDeadline = value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromHours(24) ? value : throw Range(nameof(StageDeadline), value, "1 s to 24 h");
    }

    /// <summary>The largest response body accepted (after decompression); a larger one fails without being read further.</summary>
    /// <value>Default 16 MiB; 1 KiB to 1 GiB.</value>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        init => _maxResponseBytes = value is >= 1024 and <= 1L << 30 ? value : throw Range(nameof(MaxResponseBytes), value, "1024 to 1073741824 bytes");
    }

    /// <summary>The most pages one paginated request (one symbol's bars, one scan) may take.</summary>
    /// <value>Default 20 (20,000 daily bars at 1,000 a page); 1 to 10,000.</value>
    public int MaxPages
    {
        get => _maxPages;
        init => _maxPages = value is >= 1 and <= 10_000 ? value : throw Range(nameof(MaxPages), value, "1 to 10000");
    }

    /// <summary>Reads the options from settings; unset ones keep their defaults.</summary>
    /// <param name="read">Reads a setting (environment variable, app setting); null when unset.</param>
    /// <exception cref="ArgumentException">A setting is not a number or out of range; the message names it.</exception>
    public static OutboundHttpOptions FromSettings(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var options = new OutboundHttpOptions();
        try
        {
            return options with
            {
                AttemptTimeout = Seconds(read, AttemptTimeoutSetting) ?? options.AttemptTimeout,
                StageDeadline = Seconds(read, StageDeadlineSetting) ?? options.StageDeadline,
                MaxResponseBytes = Number(read, MaxResponseBytesSetting) ?? options.MaxResponseBytes,
                MaxPages = (int?)Number(read, MaxPagesSetting) ?? options.MaxPages,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string setting = ex.ParamName switch
            {
                nameof(AttemptTimeout) => AttemptTimeoutSetting,
                nameof(StageDeadline) => StageDeadlineSetting,
                nameof(MaxResponseBytes) => MaxResponseBytesSetting,
                _ => MaxPagesSetting,
            };
            throw new ArgumentException($"{setting} is out of range: {ex.Message}", setting, ex);
        }
    }

    private static TimeSpan? Seconds(Func<string, string?> read, string name) =>
        Number(read, name) is long seconds ? TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(2).TotalSeconds)) : null;

    private static long? Number(Func<string, string?> read, string name)
    {
        string? text = read(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= int.MaxValue
            ? value
            : throw new ArgumentException($"{name} must be a whole number up to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, not '{text}'.", name);
    }

    private static ArgumentOutOfRangeException Range(string name, object value, string range) => new(name, value, $"{name} must be {range}");
}
