using QuantFunctions.Core.Discovery;
using QuantFunctions.Core.Market;

namespace QuantFunctions.DataOps.Providers;

/// <summary>
/// A provider over a user's OHLCV files read by <see cref="OhlcvFileReader"/>: discovery lists the
/// symbols found; a fetch returns the symbol's rows dated in the range (order and duplicates kept as
/// in the file, for validation to judge). The payload is the source-native bytes of the symbol.
/// </summary>
public sealed class FileImportProvider : IMarketDataProvider
{
    private readonly Dictionary<string, ProviderFetch> _fetches = new(StringComparer.Ordinal);
    private readonly string _assetType;

    /// <summary>Wraps files already read.</summary>
    public FileImportProvider(OhlcvFileSet files, string assetType)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(assetType);
        Files = files;
        _assetType = assetType;
        foreach (ProviderFetch f in files.Fetches)
        {
            _fetches.Add(f.Bars.Symbol.Value, f);
        }
    }

    /// <inheritdoc/>
    public string Name => "file_import";

    /// <summary>What was read.</summary>
    public OhlcvFileSet Files { get; }

    /// <summary>Reads <paramref name="path"/> (a file or folder) and wraps it.</summary>
    public static async Task<FileImportProvider> OpenAsync(string path, OhlcvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FileImportProvider(await OhlcvFileReader.ReadAsync(path, options, cancellationToken).ConfigureAwait(false), options.AssetType);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CandidateRecord>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var records = new List<CandidateRecord>(Files.Fetches.Count);
        foreach (ProviderFetch f in Files.Fetches)
        {
            records.Add(new CandidateRecord { Symbol = f.Bars.Symbol.Value, AssetType = _assetType, Direction = "LONG" });
        }

        return Task.FromResult<IReadOnlyList<CandidateRecord>>(records);
    }

    /// <inheritdoc/>
    public Task<ProviderFetch> FetchBarsAsync(Symbol symbol, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (!_fetches.TryGetValue(symbol.Value, out ProviderFetch? fetch))
        {
            throw new ProviderException($"file import: no file holds symbol '{symbol}'");
        }

        BarSeries all = fetch.Bars;
        int n = 0;
        for (int i = 0; i < all.Count; i++)
        {
            n += all.Dates[i] >= first && all.Dates[i] <= last ? 1 : 0;
        }

        if (n == all.Count)
        {
            return Task.FromResult(fetch);
        }

        var acc = new BarAccumulator(symbol, Math.Max(n, 1));
        for (int i = 0; i < all.Count; i++)
        {
            if (all.Dates[i] >= first && all.Dates[i] <= last)
            {
                acc.Add(all.Dates[i], all.Open[i], all.High[i], all.Low[i], all.Close[i], all.Volume[i], fetch.Origins[i]);
            }
        }

        return Task.FromResult(acc.ToFetch(fetch.Payload, fetch.Format, fetch.Attempts));
    }
}
