#!/usr/bin/env bash
# Every test: installs what the tests compare against, publishes the overlay, and runs the unit and
# conformance suites against the published (trimmed, ReadyToRun) binary. Ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

need=()
[ -x /usr/lib/execline/bin/execlineb ] || need+=(execline)
command -v cc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "cannot install ${need[*]}"; exit 1; }
fi

scripts/publish.sh || exit 1
export EXECLINE_BIN="$root/out/local/usr/lib/execline-cs/execline"

log=$(mktemp)
dotnet test Execline.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
