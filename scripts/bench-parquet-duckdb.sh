#!/usr/bin/env bash
# Side-by-side Parquet timing, in one run on this machine: our codec (C#, Release) and DuckDB (threads=1)
# on the same 1,000,000-row OHLCV files (uncompressed, snappy, zstd, lz4_raw). Prints MB/s and ratios against the goals
# of issue 11: full read ≤ 1.2× DuckDB uncompressed, ≤ 1.5× snappy, ≤ 2× zstd; writes ≤ DuckDB's rewrite.
# Usage: bash scripts/bench-parquet-duckdb.sh [RUNS]   (median of RUNS timed runs after 2 warm-ups; default 7;
#        QF_BENCH_STAT=best reports the fastest run on both sides instead, the stable figure on a loaded machine)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
export QF_PARQUET_KIT="${QF_PARQUET_KIT:-$ROOT/.cache/parquet-kit}"
[[ -d "$QF_PARQUET_KIT/node_modules/@duckdb/node-api" ]] || { echo "DuckDB kit missing: run scripts/install-test-tools.sh" >&2; exit 1; }
DIR="$(mktemp -d /tmp/qf-bench-parquet.XXXXXX)"
trap 'rm -rf "$DIR"' EXIT

dotnet build "$ROOT/benchmarks/QuantFunctions.Benchmarks" -c Release -nologo -v q -m:1 >/dev/null
OURS="$(dotnet "$ROOT/benchmarks/QuantFunctions.Benchmarks/bin/Release/net10.0/QuantFunctions.Benchmarks.dll" parquet-side-by-side "$DIR" "$RUNS")"
DUCK="$(node "$ROOT/scripts/bench-parquet-duckdb.mjs" "$DIR" "$RUNS")"

printf '%s\n%s\n' "$OURS" "$DUCK" | node -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
const get = (impl, codec, op) => lines.find((l) => l.impl.startsWith(impl) && l.codec === codec && l.op === op);
const duckName = lines.find((l) => l.impl.startsWith("duckdb")).impl;
console.log(`Parquet side by side (1,000,000 OHLCV rows; ${duckName}, threads=1; ${process.env.QF_BENCH_STAT === "best" ? "best of runs" : "medians"}; loaded shared machine)`);
console.log("codec         op        ours ms   ours MB/s   duckdb ms  duckdb MB/s   ratio ours/duckdb   goal");
const readGoal = { uncompressed: 1.2, snappy: 1.5, zstd: 2, lz4_raw: 1.5 };
for (const codec of ["uncompressed", "snappy", "zstd", "lz4_raw"]) {
  for (const [op, duckOp, goal] of [["read", "read", readGoal[codec]], ["write", "rewrite", 1], ["rewrite", "rewrite", 1.5]]) {
    const o = get("quantfunctions", codec, op), d = get("duckdb", codec, duckOp);
    const mb = (x) => (x.bytes / 1048576 / (x.ms / 1000)).toFixed(1);
    const ratio = o.ms / d.ms;
    console.log(`${codec.padEnd(13)} ${op.padEnd(8)} ${o.ms.toFixed(1).padStart(8)} ${mb(o).padStart(10)} ${d.ms.toFixed(1).padStart(11)} ${mb(d).padStart(11)}   ${ratio.toFixed(2).padStart(8)}x vs ${duckOp.padEnd(7)}  <= ${goal}x ${ratio <= goal ? "met" : "NOT met"}`);
  }
}
console.log("file sizes: " + ["uncompressed", "snappy", "zstd", "lz4_raw"].map((c) => `${c} ${get("quantfunctions", c, "read").bytes} B`).join(", "));
'
