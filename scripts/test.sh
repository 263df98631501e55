#!/usr/bin/env bash
# Every test: installs what the tests compare against and run in, publishes, and runs every suite: unit and
# conformance against the published (native AOT) binary in out/local, end-to-end against the
# tarball on images. Ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The real execline and s6 (the oracles), a C compiler (the AOT linker and a test tool), patchelf (publish),
# busybox-static (the libc-less rootfs of the end-to-end tests).
scripts/need.sh execline s6 gcc patchelf busybox-static || exit 1
# podman and its local base images, when the shared setup script is here; without it the podman tests
# are skipped and say why.
podman_setup=$root/../shared/tools/podman/setup.sh
if [ -f "$podman_setup" ]; then
  mkdir -p out
  bash "$podman_setup" >out/podman-setup.log 2>&1 || echo "podman setup failed (see out/podman-setup.log): its tests will be skipped"
fi

scripts/publish.sh || exit 1
export EXECLINE_BIN="$root/out/local/usr/lib/execline-cs/execline"

echo "Conformance cases per file (each is one test of its file's class):"
tests/Conformance/count.sh

log=$(mktemp)
dotnet test Execline.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
