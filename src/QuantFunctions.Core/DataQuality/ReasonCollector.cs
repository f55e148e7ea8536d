using System.Globalization;

namespace QuantFunctions.Core.DataQuality;

/// <summary>Collects reasons for one symbol, capping each rule at a maximum and summarising the rest.</summary>
internal sealed class ReasonCollector
{
    private readonly int _maxPerRule;
    private readonly List<HealthReason> _reasons = [];
    private readonly int[] _hits = new int[Enum.GetValues<HealthRule>().Length];
    private readonly HealthStatus[] _severity = new HealthStatus[Enum.GetValues<HealthRule>().Length];

    public ReasonCollector(int maxPerRule) => _maxPerRule = maxPerRule;

    public HealthStatus Status { get; private set; } = HealthStatus.Healthy;

    public void Add(HealthRule rule, HealthStatus severity, string detail, DateTimeOffset? timestamp)
    {
        int r = (int)rule;
        _hits[r]++;
        _severity[r] = severity > _severity[r] ? severity : _severity[r];
        Status = severity > Status ? severity : Status;
        if (_hits[r] <= _maxPerRule)
        {
            _reasons.Add(new HealthReason(rule, severity, detail, timestamp));
        }
    }

    public IReadOnlyList<HealthReason> Build()
    {
        for (int r = 0; r < _hits.Length; r++)
        {
            int extra = _hits[r] - _maxPerRule;
            if (extra > 0)
            {
                _reasons.Add(new HealthReason(
                    (HealthRule)r,
                    _severity[r],
                    string.Create(CultureInfo.InvariantCulture, $"{extra} more occurrence(s) not listed ({_hits[r]} in total)"),
                    null));
            }
        }

        return _reasons.ToArray();
    }
}
