using Microsoft.Extensions.DependencyInjection;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// Outbound HTTP for market data: one configured <see cref="HttpClient"/> per provider from <see cref="IHttpClientFactory"/>
/// (<see cref="MarketDataHttpServiceCollectionExtensions.AddMarketDataHttp"/>), the deployment's limits and the clock that
/// times attempts and stage deadlines.
/// </summary>
public sealed class MarketDataHttp
{
    /// <summary>The named client of the Binance spot provider.</summary>
    public const string BinanceClient = "qf.binance";

    /// <summary>The named client of the screener scan.</summary>
    public const string ScreenerClient = "qf.screener";

    private readonly IHttpClientFactory _factory;

    /// <summary>Creates the service.</summary>
    public MarketDataHttp(IHttpClientFactory factory, OutboundHttpOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _factory = factory;
        Options = options;
        Time = time;
    }

    /// <summary>The deployment's limits.</summary>
    public OutboundHttpOptions Options { get; }

    /// <summary>The clock of attempt timeouts, retry delays and deadlines.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// A service over its own client factory, for composition roots without a service container (the CLI): build it once per
    /// process, like the container it stands for.
    /// </summary>
    public static MarketDataHttp Create(OutboundHttpOptions options, TimeProvider time)
    {
        ServiceProvider services = new ServiceCollection().AddMarketDataHttp(options).BuildServiceProvider();
        return new MarketDataHttp(services.GetRequiredService<IHttpClientFactory>(), options, time);
    }

    /// <summary>The configured client named <paramref name="name"/> (<see cref="BinanceClient"/>, <see cref="ScreenerClient"/>); not to be disposed by the caller.</summary>
    public HttpClient CreateClient(string name) => _factory.CreateClient(name);

    /// <summary>A provider's options: its API root and retries, with the deployment's limits.</summary>
    public HttpProviderOptions ProviderOptions(Uri baseAddress, int maxRetries) => new()
    {
        BaseAddress = baseAddress,
        MaxRetries = maxRetries,
        AttemptTimeout = Options.AttemptTimeout,
        MaxResponseBytes = Options.MaxResponseBytes,
        MaxPages = Options.MaxPages,
    };

    /// <summary>Starts a stage's outbound deadline (<see cref="OutboundHttpOptions.StageDeadline"/>) linked to <paramref name="cancellationToken"/>.</summary>
    public OutboundDeadline StartDeadline(CancellationToken cancellationToken) => new(Options.StageDeadline, Time, cancellationToken);
}
