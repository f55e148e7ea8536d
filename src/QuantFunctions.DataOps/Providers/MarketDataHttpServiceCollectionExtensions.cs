using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuantFunctions.DataOps.Providers;

/// <summary>Registers the market data HTTP clients.</summary>
public static class MarketDataHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds one named client per provider (<see cref="MarketDataHttp.BinanceClient"/>, <see cref="MarketDataHttp.ScreenerClient"/>):
    /// no automatic redirects (<see cref="ResilientHttp"/> follows same-origin ones itself), no client-wide timeout (each attempt
    /// has its own, on the <see cref="TimeProvider"/>), a buffer cap of <see cref="OutboundHttpOptions.MaxResponseBytes"/>, gzip,
    /// deflate and brotli decoded (sizes count decoded bytes). Also adds <see cref="MarketDataHttp"/> (with the registered
    /// <see cref="TimeProvider"/>, or <see cref="TimeProvider.System"/>).
    /// </summary>
    public static IServiceCollection AddMarketDataHttp(this IServiceCollection services, OutboundHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        foreach (string name in (string[])[MarketDataHttp.BinanceClient, MarketDataHttp.ScreenerClient])
        {
            services.AddHttpClient(name, client =>
                {
                    client.Timeout = Timeout.InfiniteTimeSpan;
                    client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    ConnectTimeout = options.AttemptTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                });
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MarketDataHttp(sp.GetRequiredService<IHttpClientFactory>(), options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
