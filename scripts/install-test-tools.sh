#!/usr/bin/env bash
# Installs the tools the tests use into .cache/ (idempotent; quick when already installed):
#  - .cache/parquet-kit: a copy of ../shared/tools/parquet with its npm packages (DuckDB, hyparquet),
#    only when ../shared is present (the interop tests skip visibly otherwise);
#  - .cache/azurite: the Azurite storage emulator from npm;
#  - headless Chromium from Debian's packages (apt-get install chromium) for the tear-sheet browser tests,
#    when missing and apt-get can install it (as root); otherwise those tests skip visibly. QF_CHROMIUM names a binary instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${QF_SHARED_DIR:-$(cd "$ROOT/.." && pwd)/shared}"
AZURITE_VERSION="3.35.0"
mkdir -p "$ROOT/.cache"

if [[ -d "$SHARED/tools/parquet" ]]; then
  KIT="$ROOT/.cache/parquet-kit"
  if [[ ! -f "$KIT/.installed" ]] || ! cmp -s "$SHARED/tools/parquet/package-lock.json" "$KIT/package-lock.json"; then
    echo "== installing the Parquet interop kit into .cache/parquet-kit"
    rm -rf "$KIT"; mkdir -p "$KIT"
    cp -r "$SHARED/tools/parquet/." "$KIT/"
    rm -rf "$KIT/node_modules"
    (cd "$KIT" && npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$KIT/.installed"
  fi
else
  echo "== ../shared not present: Parquet interop tests will be skipped"
fi

AZ="$ROOT/.cache/azurite"
if [[ ! -x "$AZ/node_modules/.bin/azurite" ]]; then
  echo "== installing azurite@$AZURITE_VERSION into .cache/azurite"
  mkdir -p "$AZ"
  (cd "$AZ" && npm install --no-save --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
fi

if [[ -z "${QF_CHROMIUM:-}" ]] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
    echo "== installing chromium (Debian package) for the browser tests"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null 2>&1; then
      echo "== chromium could not be installed: the browser tests will be skipped"
    fi
  else
    echo "== chromium missing and apt-get not usable as root: the browser tests will be skipped (install chromium or set QF_CHROMIUM)"
  fi
fi
