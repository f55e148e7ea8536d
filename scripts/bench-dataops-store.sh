#!/usr/bin/env bash
# Times the DataOps store end to end through a folder lake: a seeded synthetic market of 500 crypto symbols
# × 10 years (3,652 daily bars each; 20 equities ride along because the generator wants both markets), then
# dataops.health → dataops.returns → dataops.features for crypto_spot, then one point-in-time read of the
# whole feature store. Prints each node's wall time from run.json and the lake size. Usage:
#   scripts/bench-dataops-store.sh [symbols=500] [days=3652]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYMBOLS="${1:-500}"
DAYS="${2:-3652}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
MARKETS='"markets": { "crypto_spot": "binance" }, "calendars": { "crypto_spot": "XCRY" }'
cat > "$WORK/manifest.json" <<JSON
{
  "id": "dataops_bench", "version": "1.0.0", "scope": "bench", "kind": "data",
  "parameters": { "universes": ["crypto_spot"] },
  "nodes": [
    { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
      "params": { "seed": 11, "start": "2014-01-01", "calendar_days": $DAYS, "crypto_assets": $SYMBOLS, "equity_assets": 20, "toxic_prints_per_market": 2 } },
    { "id": "dataops.health", "stage": "dataops.health", "for_each": "universes", "depends_on": ["dataops.synthetic_market"], "params": { $MARKETS } },
    { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.health"], "params": { $MARKETS } },
    { "id": "dataops.features", "stage": "dataops.features", "for_each": "universes", "depends_on": ["dataops.returns"], "params": { $MARKETS } }
  ]
}
JSON
END=$(python3 -c "import datetime as d; print((d.date(2014,1,1)+d.timedelta(days=$DAYS)).isoformat())")
export QF_LAKE_ROOT="$WORK/lake"
"$ROOT/quant" --help > /dev/null # build once, outside the timing
start=$(date +%s.%N)
"$ROOT/quant" pipeline run "$WORK/manifest.json" --as-of "$END" --run-id bench-1 > "$WORK/run.log" || { cat "$WORK/run.log"; exit 1; }
end=$(date +%s.%N)
python3 - "$WORK/lake" <<'PY'
import json, sys, glob, datetime as dt
run = json.load(open(glob.glob(sys.argv[1] + "/_meta/*/runs/bench-1/run.json")[0]))
def t(s): return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
for n in run["nodes"]:
    print(f"  {n['node']:<34} {(t(n['completed_at']) - t(n['started_at'])).total_seconds():8.2f} s")
PY
echo "  pipeline wall time (CLI, incl. process start): $(python3 -c "print(f'{$end-$start:.2f}')") s"
du -sh "$WORK/lake/silver/crypto_spot/dataops_bench/version=1.0.0/features" | sed 's/^/  features store: /'
start=$(date +%s.%N)
"$ROOT/quant" data features crypto_spot --pipeline dataops_bench --symbol BINANCE:CRY001USDT --as-of "$END" > /dev/null
end=$(date +%s.%N)
echo "  quant data features (PIT read of the whole store, one symbol printed): $(python3 -c "print(f'{$end-$start:.2f}')") s"
