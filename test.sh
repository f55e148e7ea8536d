#!/usr/bin/env bash
# Runs the whole QuantFunctions test suite on a fresh machine.
#   ./test.sh                 build, install test tools, run every test project
#   ./test.sh --filter EXPR   pass a dotnet test filter (e.g. FullyQualifiedName~Parquet)
# Installs what the tests need into .cache/ (git-ignored): the Parquet interop kit (DuckDB and
# hyparquet from npm) when ../shared is present, and Azurite from npm.
# The last line is the total over all test projects: "N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
FILTER=()
if [[ "${1:-}" == "--filter" && -n "${2:-}" ]]; then FILTER=(--filter "$2"); fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export QF_SHARED_DIR="${QF_SHARED_DIR:-$(cd "$ROOT/.." && pwd)/shared}"
mkdir -p .cache

bash scripts/install-test-tools.sh || { echo "test.sh: installing the test tools failed" >&2; echo "0 passed, 1 failed"; exit 1; }
export QF_PARQUET_KIT="$ROOT/.cache/parquet-kit"
export QF_AZURITE_BIN="$ROOT/.cache/azurite/node_modules/.bin/azurite"

echo "== build"
if ! dotnet build QuantFunctions.sln -c Release -nologo -v q; then
  echo "test.sh: build failed" >&2; echo "0 passed, 1 failed"; exit 1
fi

echo "== publish quant (./quant: the native front door and its host in artifacts/quant; FrontDoorTests run them)"
if ! ./quant --help > /dev/null; then
  echo "test.sh: building quant failed" >&2; echo "0 passed, 1 failed"; exit 1
fi

echo "== publish the Functions app (artifacts/functions: what a deployment ships; its functions.metadata is tested)"
if ! dotnet publish src/QuantFunctions.Functions -c Release --no-build -nologo -v q -o "$ROOT/artifacts/functions"; then
  echo "test.sh: publishing the Functions app failed" >&2; echo "0 passed, 1 failed"; exit 1
fi

echo "== test"
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
dotnet test QuantFunctions.sln -c Release --no-build -nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "${FILTER[@]}"
TEST_RC=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$RESULTS"/*.trx; do
  [[ -f "$trx" ]] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # The trx logger counts a skipped test in total but not in executed (notExecuted stays 0).
  skipped=$((skipped + $(get total) - $(get executed)))
done
if [[ $files -eq 0 || ( $TEST_RC -ne 0 && $failed -eq 0 ) ]]; then failed=$((failed + 1)); fi
echo "test projects: $files"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
