#!/usr/bin/env bash
# Assembles a deployable Azure Functions custom-handler app folder:
#   publish/functionapp/host.json
#   publish/functionapp/<Function>/function.json      (one folder per function)
#   publish/functionapp/app/QuantFunctions.Host        (self-contained linux-x64)
#   publish/functionapp/manifests/...                  (the shipped pipeline manifests)
# then validates every function.json against the trigger schemas the app uses.
# Run it locally with Core Tools (on a machine that has them):
#   cp local.settings.sample.json publish/functionapp/local.settings.json
#   func start --script-root publish/functionapp
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/publish/functionapp}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$OUT"
mkdir -p "$OUT/app"
echo "== publishing the Host (self-contained linux-x64) into $OUT/app"
dotnet publish "$ROOT/src/QuantFunctions.Host/QuantFunctions.Host.csproj" -c Release -r linux-x64 --self-contained true \
  -o "$OUT/app" -nologo -v q
cp "$ROOT/host.json" "$OUT/host.json"
for dir in "$ROOT"/functions/*/; do
  name="$(basename "$dir")"
  mkdir -p "$OUT/$name"
  cp "$dir/function.json" "$OUT/$name/function.json"
done
if [[ -d "$ROOT/manifests" ]]; then cp -r "$ROOT/manifests" "$OUT/manifests"; fi
chmod +x "$OUT/app/QuantFunctions.Host"
echo "== validating function.json files"
"$OUT/app/QuantFunctions.Host" --validate-functions "$OUT" --settings "$ROOT/local.settings.sample.json"
echo "== ready: $OUT"
