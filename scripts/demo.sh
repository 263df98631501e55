#!/usr/bin/env bash
# The main job, for now: builds the overlay and runs an execline tour with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/publish.sh
PATH="$root/out/local/usr/bin:$PATH" execlineb -P scripts/demo/tour.el
