using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Synthetic;

/// <summary>Reusable full-length OHLCV buffers for one simulated asset (one allocation per market).</summary>
internal sealed class AssetPathBuffers
{
    private readonly double[] _idio;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;

    public AssetPathBuffers(int sessions)
    {
        _idio = new double[sessions];
        _open = new double[sessions];
        _high = new double[sessions];
        _low = new double[sessions];
        _close = new double[sessions];
        _volume = new double[sessions];
    }

    public void Simulate(SeededSampler sampler, SyntheticMarketSpec spec, SyntheticMarketOptions options, double[] market, double[] sector, double[] shockScale, double[] drift, double maxAbsLogReturn)
    {
        double sqrtP = Math.Sqrt(spec.PeriodsPerYear);
        double betaMarket = sampler.Uniform(0.7, 1.3);
        double betaSector = sampler.Uniform(0.6, 1.2);
        double price = Math.Exp(sampler.Uniform(Math.Log(5), Math.Log(500)));
        double volumeScale = spec.BaseVolume * Math.Exp(sampler.Uniform(-1.0, 1.0));
        GarchPath.Fill(sampler, spec.IdiosyncraticVolatility / sqrtP, options.GarchAlpha, options.GarchBeta, options.DegreesOfFreedom, _idio);
        double sm = spec.MarketVolatility * betaMarket, ss = spec.SectorVolatility * betaSector, si = spec.IdiosyncraticVolatility;
        double sigma = Math.Sqrt((sm * sm) + (ss * ss) + (si * si)) / sqrtP;
        for (int t = 0; t < _close.Length; t++)
        {
            double r = drift[t] + (shockScale[t] * ((betaMarket * market[t]) + (betaSector * sector[t]))) + _idio[t];
            r = Math.Clamp(r, -maxAbsLogReturn, maxAbsLogReturn);
            double open = price * Math.Exp(sampler.Normal() * sigma / 4);
            price *= Math.Exp(r);
            _open[t] = open;
            _close[t] = price;
            _high[t] = Math.Max(open, price) * Math.Exp(Math.Abs(sampler.Normal()) * sigma / 2);
            _low[t] = Math.Min(open, price) * Math.Exp(-Math.Abs(sampler.Normal()) * sigma / 2);
            _volume[t] = volumeScale * Math.Exp((0.4 * sampler.Normal()) + (0.3 * Math.Abs(r) / sigma));
        }
    }

    public void InjectToxicPrint(int row, double factor)
    {
        _close[row] *= factor;
        _high[row] = Math.Max(_high[row], _close[row]);
        _low[row] = Math.Min(_low[row], Math.Min(_open[row], _close[row]));
    }

    public BarSeries ToBars(Symbol symbol, DateOnly[] sessions, int first, int last, int holeStart, int holeLength)
    {
        int count = last - first + 1;
        if (holeStart >= first && holeStart + holeLength <= last)
        {
            count -= holeLength;
        }
        else
        {
            holeLength = 0;
        }

        var dates = new DateOnly[count];
        double[] o = new double[count], h = new double[count], l = new double[count], c = new double[count], v = new double[count];
        int k = 0;
        for (int t = first; t <= last; t++)
        {
            if (holeLength > 0 && t >= holeStart && t < holeStart + holeLength)
            {
                continue;
            }

            dates[k] = sessions[t];
            o[k] = _open[t];
            h[k] = _high[t];
            l[k] = _low[t];
            c[k] = _close[t];
            v[k++] = _volume[t];
        }

        return new BarSeries(symbol, dates, o, h, l, c, v);
    }
}
