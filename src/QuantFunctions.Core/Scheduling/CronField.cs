namespace QuantFunctions.Core.Scheduling;

/// <summary>The allowed values of one NCRONTAB field, as a bit set over [min, max].</summary>
internal readonly struct CronField
{
    private readonly ulong _bits;

    private CronField(ulong bits, int min, int max, bool isWildcard)
    {
        _bits = bits;
        Min = min;
        Max = max;
        IsWildcard = isWildcard;
    }

    public int Min { get; }

    public int Max { get; }

    /// <summary>True when the field was written as '*' (no restriction).</summary>
    public bool IsWildcard { get; }

    public bool Contains(int value) => value >= Min && value <= Max && (_bits & (1UL << value)) != 0;

    /// <summary>The smallest allowed value ≥ <paramref name="value"/>, or -1.</summary>
    public int NextAtOrAfter(int value)
    {
        for (int v = Math.Max(value, Min); v <= Max; v++)
        {
            if ((_bits & (1UL << v)) != 0)
            {
                return v;
            }
        }

        return -1;
    }

    public int First => NextAtOrAfter(Min);

    public static CronField Parse(string text, int min, int max, string fieldName, string expression, IReadOnlyDictionary<string, int>? names = null)
    {
        if (text == "*" || text == "?")
        {
            return new CronField(RangeBits(min, max, 1), min, max, isWildcard: true);
        }

        ulong bits = 0;
        foreach (string part in text.Split(','))
        {
            string rangePart = part;
            int step = 1;
            int slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rangePart = part[..slash];
                step = ParseNumber(part[(slash + 1)..], 1, max - min + 1, fieldName, expression, null);
            }

            int lo, hi;
            if (rangePart == "*")
            {
                (lo, hi) = (min, max);
            }
            else
            {
                int dash = rangePart.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    lo = ParseNumber(rangePart[..dash], min, max, fieldName, expression, names);
                    hi = ParseNumber(rangePart[(dash + 1)..], min, max, fieldName, expression, names);
                    if (hi < lo)
                    {
                        throw new FormatException($"NCRONTAB '{expression}': {fieldName} range '{rangePart}' runs backwards.");
                    }
                }
                else
                {
                    lo = ParseNumber(rangePart, min, max, fieldName, expression, names);
                    hi = slash >= 0 ? max : lo;
                }
            }

            bits |= RangeBits(lo, hi, step);
        }

        return new CronField(bits, min, max, isWildcard: false);
    }

    private static ulong RangeBits(int lo, int hi, int step)
    {
        ulong bits = 0;
        for (int v = lo; v <= hi; v += step)
        {
            bits |= 1UL << v;
        }

        return bits;
    }

    private static int ParseNumber(string text, int min, int max, string fieldName, string expression, IReadOnlyDictionary<string, int>? names)
    {
        if (names is not null && names.TryGetValue(text.ToUpperInvariant(), out int named))
        {
            return named;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new FormatException($"NCRONTAB '{expression}': {fieldName} value '{text}' is not a number from {min} to {max}.");
        }

        return value;
    }
}
