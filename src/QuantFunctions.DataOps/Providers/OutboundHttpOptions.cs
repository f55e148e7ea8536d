namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// The deployment's limits on outbound market data HTTP (environment variables <c>QF_HTTP_*</c>, bound by the front
/// ends' settings binder at start-up). Every value is checked when set.
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

    private static ArgumentOutOfRangeException Range(string name, object value, string range) => new(name, value, $"{name} must be {range}");
}
