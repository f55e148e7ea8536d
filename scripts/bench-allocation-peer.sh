#!/usr/bin/env bash
# Side-by-side timing of QuantFunctions' allocation risk models and engines and the npm peer
# portfolio-allocation (shared/tools/peer-allocation), in one session, on the same returns file
# (500 assets × 2,000 days of seeded factor-model returns), single thread.
#
#   scripts/bench-allocation-peer.sh [--repeat N] [--assets N] [--days N] [--whole-process-only] [--quant PATH]
#
# First, whole processes as a user runs them (median of --repeat runs each, interleaved; wall time and the process's
# user+sys CPU, which a busy machine inflates less): `quant allocate FILE --engine min_variance --json` (the native
# front door that ./quant builds and runs, artifacts/quant/quant, or --quant PATH) against the peer's same job
# in one node process (read the CSV, covariance, global minimum variance; scripts/bench-allocation-peer-job.mjs).
# Then, unless --whole-process-only, the kernels alone: BenchmarkDotNet against the peer's in-process medians.
#
# The peer is installed into .cache/peer-allocation of this repository (never into shared/).
# Prints each figure and the ratio best-peer / ours. The machine is shared: figures are indicative.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${QF_SHARED_DIR:-$ROOT/../shared}"
REPEAT=5; ASSETS=500; DAYS=2000; WHOLE_ONLY=0; QUANT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) REPEAT="$2"; shift 2 ;;
    --assets) ASSETS="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    --whole-process-only) WHOLE_ONLY=1; shift ;;
    --quant) QUANT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PEER_SRC="$SHARED/tools/peer-allocation"
PEER="$ROOT/.cache/peer-allocation"
WORK="$ROOT/.cache/bench-allocation"
[ -f "$PEER_SRC/run-peer.mjs" ] || { echo "peer not found at $PEER_SRC (set QF_SHARED_DIR)" >&2; exit 1; }
mkdir -p "$PEER" "$WORK"
cp "$PEER_SRC/package.json" "$PEER_SRC/package-lock.json" "$PEER_SRC/run-peer.mjs" "$PEER/"
cp "$ROOT/scripts/bench-allocation-peer-job.mjs" "$PEER/peer-job.mjs"
if [ ! -d "$PEER/node_modules/portfolio-allocation" ]; then
  (cd "$PEER" && npm ci --no-audit --no-fund --silent)
fi

RETURNS="$WORK/returns_${ASSETS}x${DAYS}.csv"
[ -f "$RETURNS" ] || node "$ROOT/scripts/bench-allocation-peer.mjs" generate "$RETURNS" "$ASSETS" "$DAYS" 42
echo "returns: $RETURNS ($(du -h "$RETURNS" | cut -f1))"

if [ -z "$QUANT" ]; then "$ROOT/quant" --help > /dev/null; QUANT="$ROOT/artifacts/quant/quant"; fi # build outside the timing
echo "== whole process, median of $REPEAT (interleaved): quant allocate --engine min_variance vs the peer's same job"
python3 - "$QUANT" "$PEER/peer-job.mjs" "$RETURNS" "$REPEAT" <<'PY'
import os, subprocess, sys, time, statistics
quant, job, returns, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cmds = {"quant allocate": [quant, "allocate", returns, "--engine", "min_variance", "--json"], "peer (node)": ["node", job, returns]}
times = {k: [] for k in cmds}
for name, cmd in cmds.items():  # one untimed run each: file cache, disk
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
cpu = {k: [] for k in cmds}
for _ in range(repeat):
    for name, cmd in cmds.items():
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times[name].append(time.perf_counter() - t0)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{name} failed: {cmd}")
med = {k: statistics.median(v) for k, v in times.items()}
for k, v in times.items():
    print(f"  {k:<16} median {med[k]:6.3f} s  (min {min(v):.3f}, max {max(v):.3f});  CPU user+sys median {statistics.median(cpu[k]):.3f} s")
print(f"  ratio ours / peer: {med['quant allocate'] / med['peer (node)']:.3f}x  (target <= 0.1x)")
PY
[ "$WHOLE_ONLY" = 1 ] && exit 0

echo "== peer: portfolio-allocation (node $(node --version)), repeat $REPEAT"
node "$PEER/run-peer.mjs" "$RETURNS" --repeat "$REPEAT" --methods cov,erc,gmv,maxsharpe,invvol,clusterrp > "$WORK/peer.json"

echo "== ours: BenchmarkDotNet (job short), same returns file"
(cd "$WORK" && QF_ALLOC_RETURNS="$RETURNS" DOTNET_gcServer=0 dotnet run -c Release --project "$ROOT/benchmarks/QuantFunctions.Benchmarks" -- \
  --filter '*AllocationBenchmarks*' --job short --envVars "QF_ALLOC_RETURNS:$RETURNS" > "$WORK/bdn.log" 2>&1) || { tail -40 "$WORK/bdn.log"; exit 1; }
grep -E '^\|' "$WORK/bdn.log" || true

echo "== side by side"
node "$ROOT/scripts/bench-allocation-peer.mjs" report "$WORK/peer.json" \
  "$WORK/BenchmarkDotNet.Artifacts/results/QuantFunctions.Benchmarks.Allocation.AllocationBenchmarks-report.csv"
