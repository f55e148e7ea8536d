#!/usr/bin/env bash
# Times a 1,000-cell tournament through the local runner (issue 15 target: ≤ 60 s on 2 cores): a synthetic crypto market
# of 100 assets × 5 years (1,826 daily sessions), its returns and feature store, is built once (not timed), then `quant pipeline run` runs a tournament
# manifest whose matrix is 1 standard × 5 engines × 2 risk profiles × 1 simulator (t2) × 10 lookbacks × 10 steps = 1,000
# cells, each with 4 walk-forward windows (train 146 sessions, steps 420–429 sessions over the remaining 1,680), their
# selections (one tournament.select node for the standard: the books of its 100 lookback × step combinations, each shared
# by the 10 cells that differ only in engine and profile), plus the scoreboard. Prints the wall time of that run (the process, from start to exit) and of a rerun on the same lake (every
# cell cached), with the machine's load average (other processes skew every figure). Usage: scripts/bench-tournament.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
"$ROOT/quant" --help >/dev/null # builds the CLI (Release) once, outside the timings
QUANT="$ROOT/artifacts/quant/quant"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QF_LAKE=file QF_LAKE_ROOT="$WORK/lake" QF_REPO_ROOT="$ROOT"
AS_OF="2027-01-05T00:00:00Z"

cat > "$WORK/data.json" <<'JSON'
{ "id": "dataops", "version": "1.0.0", "scope": "bench", "kind": "data",
  "parameters": { "universes": ["crypto_spot"] },
  "nodes": [
    { "id": "dataops.synthetic_market", "stage": "dataops.synthetic_market",
      "params": { "seed": 7, "start": "2022-01-03", "calendar_days": 1826, "crypto_assets": 100, "equity_assets": 10 } },
    { "id": "dataops.returns", "stage": "dataops.returns", "for_each": "universes", "depends_on": ["dataops.synthetic_market"],
      "params": { "markets": { "crypto_spot": "binance" }, "calendars": { "crypto_spot": "XCRY" } } },
    { "id": "dataops.features", "stage": "dataops.features", "for_each": "universes", "depends_on": ["dataops.returns"],
      "params": { "markets": { "crypto_spot": "binance" }, "calendars": { "crypto_spot": "XCRY" } } } ] }
JSON
SHARED='"tournament": "bench", "universe": "crypto_spot", "source_scope": "bench", "source_pipeline": "dataops", "source_version": "1.0.0",
  "floor": 15, "lookback": 60, "allocation_lookback": 60, "periods_per_year": 365, "benchmark": "BINANCE:CRY001USDT",
  "train_days": 146, "test_days": 420, "step_days": 420'
cat > "$WORK/tournament.json" <<JSON
{ "id": "tournament", "version": "1.0.0", "scope": "bench", "kind": "model",
  "parameters": {
    "standards": ["v3_4"], "engines": ["equal_weight", "inverse_vol", "hrp", "min_variance", "max_sharpe"],
    "profiles": ["long_only", "capped"], "simulators": ["t2"],
    "lookbacks": ["20", "30", "40", "50", "60", "70", "80", "90", "100", "110"],
    "steps": ["420", "421", "422", "423", "424", "425", "426", "427", "428", "429"] },
  "nodes": [
    { "id": "tournament.select", "stage": "tournament.select",
      "for_each": { "matrix": ["standards"] }, "params": { $SHARED, "lookbacks": "\${lookbacks}", "steps": "\${steps}" } },
    { "id": "tournament.cell", "stage": "tournament.cell", "depends_on": ["tournament.select"],
      "for_each": { "matrix": ["standards", "engines", "profiles", "simulators", "lookbacks", "steps"] }, "params": { $SHARED } },
    { "id": "tournament.scoreboard", "stage": "tournament.scoreboard", "depends_on": ["tournament.cell"], "params": { $SHARED } } ] }
JSON

"$QUANT" pipeline run "$WORK/data.json" --run-id bench-data --as-of "$AS_OF" >/dev/null
for run in bench-1 bench-2; do
  start=$(date +%s.%N)
  "$QUANT" pipeline run "$WORK/tournament.json" --run-id "$run" --as-of "$AS_OF" > "$WORK/$run.log" || { tail -20 "$WORK/$run.log"; exit 1; }
  end=$(date +%s.%N)
  cells=$(grep -c 'tournament.cell\[' "$WORK/$run.log" || true)
  printf '%s: %.1f s wall for the tournament run (%s cell rows reported; %s) · load %s\n' "$run" "$(echo "$end - $start" | bc)" "$cells" \
    "$([[ $run == bench-1 ]] && echo 'every cell computed' || echo 'rerun: every cell cached')" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
grep -m1 -A3 'strict' "$WORK/lake/gold/bench/tournament/version=1.0.0/scoreboard/run=bench-1/scoreboard.md" || true
