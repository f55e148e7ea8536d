#!/usr/bin/env bash
# Times the demo model pipeline (meta: four sleeves, 27 nodes) on the Durable engine in plain processes: 1, 2 and 3
# `quant worker` processes on a task hub in Azurite (blob lake, queues and tables on loopback) and a
# `quant pipeline run --durable --no-worker` client; the demo DataOps runs once before (local runner, same lake).
# Every measured run has a fresh run id and task hub; its workers are started first and given SETTLE seconds (default 15)
# to share the hub's partitions, as a standing pool would have. Prints seconds per run (the client's wall time, from its
# start to the printed report) and nodes/s for each worker count, with the local runner on the same lake as a baseline,
# and the machine's load average (other processes on the machine skew every figure). Usage:
#   scripts/bench-durable-workers.sh [repeats=2] [worker counts="1 2 3"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEATS="${1:-2}"
COUNTS="${2:-1 2 3}"
SETTLE="${SETTLE:-15}"
NODES=27
AS_OF="2024-01-03T00:00:00Z"
META="$ROOT/manifests/demo/meta/version=1.0.0/manifest.json"
DATAOPS="$ROOT/manifests/demo/dataops/version=1.0.0/manifest.json"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash "$ROOT/scripts/install-test-tools.sh" >/dev/null
"$ROOT/quant" --help >/dev/null # builds the CLI (Release) once, outside the timings
QUANT="$ROOT/artifacts/quant/quant"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { # a port nothing listens on, from a shuffled high range
  local p
  for p in $(shuf -i 20000-39999 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 1
}
BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port)
"$ROOT/.cache/azurite/node_modules/.bin/azurite" --silent --disableTelemetry --location "$WORK/azurite" \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" --tableHost 127.0.0.1 --tablePort "$TABLE" \
  >"$WORK/azurite.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$TABLE") 2>/dev/null && break
  sleep 0.1
done

KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's public dev key
export QF_LAKE=blob QF_LAKE_CONTAINER=bench QF_REPO_ROOT="$ROOT"
export QF_STORAGE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v s="$1" -v n="$NODES" 'BEGIN { printf "%.2f", n / s }'; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, load average $(load); Azurite on 127.0.0.1:$BLOB/$QUEUE/$TABLE; $REPEATS run(s) per worker count"
"$QUANT" pipeline run "$DATAOPS" --as-of "$AS_OF" --run-id demo-dataops >"$WORK/dataops.log" 2>&1 \
  || { cat "$WORK/dataops.log"; exit 1; }
echo "demo DataOps (local runner): done"

printf '%-22s %8s %10s\n' "engine" "s/run" "nodes/s"
for r in $(seq 1 "$REPEATS"); do
  start=$(now)
  "$QUANT" pipeline run "$META" --as-of "$AS_OF" --run-id "bench-local-$r" >"$WORK/local-$r.log" 2>&1 || { cat "$WORK/local-$r.log"; exit 1; }
  end=$(now)
  s=$(secs "$start" "$end")
  printf '%-22s %8s %10s\n' "local runner" "$s" "$(rate "$s")"
done

for workers in $COUNTS; do
  for r in $(seq 1 "$REPEATS"); do
    hub="bench${workers}w${r}x$RANDOM"
    run="bench-w$workers-r$r"
    WPIDS=()
    for w in $(seq 1 "$workers"); do
      "$QUANT" worker --task-hub "$hub" >"$WORK/$run-worker$w.out" 2>"$WORK/$run-worker$w.err" &
      WPIDS+=($!); PIDS+=($!)
    done
    for w in $(seq 1 "$workers"); do # ready: the worker logged that it joined the hub
      for _ in $(seq 1 300); do grep -q "on task hub '$hub'" "$WORK/$run-worker$w.err" && break; sleep 0.1; done
    done
    sleep "$SETTLE"
    start=$(now)
    "$QUANT" pipeline run "$META" --as-of "$AS_OF" --run-id "$run" --durable --no-worker --task-hub "$hub" >"$WORK/$run.log" 2>&1 \
      || { cat "$WORK/$run.log"; for w in $(seq 1 "$workers"); do cat "$WORK/$run-worker$w.err"; done; exit 1; }
    end=$(now)
    for pid in "${WPIDS[@]}"; do kill -TERM "$pid"; done
    for pid in "${WPIDS[@]}"; do wait "$pid" || true; done
    split=$(for w in $(seq 1 "$workers"); do grep -o 'ExecuteNode [0-9]*' "$WORK/$run-worker$w.out" | awk '{print $2}' || echo 0; done | paste -sd/)
    s=$(secs "$start" "$end")
    printf '%-22s %8s %10s   nodes per worker: %s\n' "durable, $workers worker(s)" "$s" "$(rate "$s")" "$split"
  done
done
echo "load average at the end: $(load)"
