#!/usr/bin/env bash
# Compiles infra/main.bicep with the Bicep CLI (taken from its NuGet package, no az needed) and
# checks that the compiled template uses no account key, listKeys() or SAS.
# Usage: infra/check.sh            (cache: .cache/bicep; override with BICEP_CACHE=DIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${BICEP_VERSION:-0.49.2}"
cache="${BICEP_CACHE:-$root/.cache/bicep}"
bicep="$cache/pkgs/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [[ ! -x "$bicep" ]]; then
  mkdir -p "$cache"
  cat > "$cache/dl.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" /></ItemGroup>
</Project>
XML
  (cd "$cache" && dotnet restore dl.csproj --packages "$cache/pkgs" >/dev/null)
  chmod +x "$bicep"
fi

out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
"$bicep" build "$root/infra/main.bicep" --outfile "$out/main.json"
"$bicep" lint "$root/infra/main.bicep"
if grep -Eqi 'listKeys|AccountKey=|SharedAccessSignature|listAccountSas|listServiceSas' "$out/main.json"; then
  echo "infra/main.bicep: account keys or SAS found" >&2; exit 1
fi
echo "infra/main.bicep: builds, lints clean, identity-only"
