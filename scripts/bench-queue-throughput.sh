#!/usr/bin/env bash
# Queue runner throughput: runs/min and nodes/s of the demo meta pipeline (4 sleeves, 27 nodes) with 1, 2 and 3
# `quant worker` processes against Azurite (QF_LAKE=blob). Starts its own Azurite on free ports and stops it by PID.
#   scripts/bench-queue-throughput.sh            RUNS=3 meta runs per worker count
#   RUNS=5 WORKERS="1 2 4" scripts/bench-queue-throughput.sh
# Timing: from starting the workers until every run of that round is Succeeded (polled every 0.5 s with
# `quant pipeline status --json`, which itself costs CPU on a small machine).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
WORKERS="${WORKERS:-1 2 3}"
AZURITE="${QF_AZURITE_BIN:-$ROOT/.cache/azurite/node_modules/.bin/azurite}"
[[ -x "$AZURITE" ]] || { echo "Azurite not found at $AZURITE (run ./test.sh once, or set QF_AZURITE_BIN)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
BP=$(free_port); QP=$(free_port); TP=$(free_port)
DATA=$(mktemp -d)
"$AZURITE" --silent --disableTelemetry --location "$DATA" --blobHost 127.0.0.1 --blobPort "$BP" \
  --queueHost 127.0.0.1 --queuePort "$QP" --tableHost 127.0.0.1 --tablePort "$TP" >/dev/null 2>&1 &
AZ_PID=$!
WORKER_PIDS=()
cleanup() {
  for pid in "${WORKER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$AZ_PID" 2>/dev/null || true
  wait "$AZ_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 1 100); do (echo >"/dev/tcp/127.0.0.1/$QP") 2>/dev/null && break; sleep 0.1; done

KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export QF_LAKE=blob QF_LAKE_CONTAINER=bench NO_COLOR=1
export QF_STORAGE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BP/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QP/devstoreaccount1;"
SETTINGS=(--as-of 2024-01-03T00:00:00Z --seed 42)
META=manifests/demo/meta/version=1.0.0/manifest.json
NODES_PER_RUN=27

./quant pipeline run manifests/demo/dataops/version=1.0.0/manifest.json --run-id dataops "${SETTINGS[@]}" >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other jobs)"
printf "%-8s %-6s %-8s %-10s %-8s\n" workers runs seconds runs/min nodes/s
for w in $WORKERS; do
  queue="bench-w$w"
  for r in $(seq 1 "$RUNS"); do
    ./quant pipeline run "$META" --queue "$queue" --run-id "meta-w$w-r$r" "${SETTINGS[@]}" >/dev/null
  done
  start=$(date +%s.%N)
  WORKER_PIDS=()
  for _ in $(seq 1 "$w"); do
    "$ROOT/artifacts/quant/quant" worker --queue "$queue" >/dev/null 2>&1 &
    WORKER_PIDS+=($!)
  done
  for r in $(seq 1 "$RUNS"); do
    while true; do
      status=$("$ROOT/artifacts/quant/quant" pipeline status "meta-w$w-r$r" --json 2>/dev/null \
        | python3 -c 'import json,sys; print(str(json.load(sys.stdin).get("status")).lower())' 2>/dev/null || echo unknown)
      [[ "$status" == succeeded ]] && break
      [[ "$status" == failed || "$status" == cancelled ]] && { echo "run meta-w$w-r$r $status" >&2; exit 1; }
      sleep 0.5
    done
  done
  end=$(date +%s.%N)
  for pid in "${WORKER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  WORKER_PIDS=()
  python3 - "$w" "$RUNS" "$start" "$end" "$NODES_PER_RUN" <<'PY'
import sys
w, runs, start, end, nodes = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
s = end - start
print(f"{w:<8} {runs:<6} {s:<8.1f} {runs / s * 60:<10.2f} {runs * nodes / s:<8.2f}")
PY
done
