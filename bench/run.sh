#!/usr/bin/env bash
# Side-by-side timings, ours against the real execline 2.9.3 (and startup against an empty .NET program
# published with our settings). Prints medians and ratios; the README records them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
command -v hyperfine >/dev/null && [ -x /usr/lib/execline/bin/execlineb ] || {
  apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine execline jq >/dev/null; }
command -v jq >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
[ -x out/local/usr/bin/execlineb ] || scripts/publish.sh
dotnet publish bench/Baseline -c Release -r linux-x64 -p:DebugType=none -o out/baseline >/dev/null

real=/usr/lib/execline/bin ours=$root/out/local/usr/bin
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { # name command... -> median seconds
  hyperfine -N -w 3 -r "${RUNS:-20}" --export-json "$tmp/$1.json" "${@:2}" >/dev/null 2>&1
  jq -r '.results[0].median' "$tmp/$1.json"
}
row() { # label ours-median real-median
  awk -v l="$1" -v o="$2" -v r="$3" 'BEGIN { printf "%-34s %9.1f ms %9.1f ms %8.1fx\n", l, o*1000, r*1000, r/o }'
}

printf "%-34s %12s %12s %9s\n" "scenario" "ours" "execline" "speedup"
for s in define20 forx500 stage2; do
  o=$(median "o-$s" "env PATH=$ours:/usr/bin:/bin execlineb -P $here/scripts/$s.el")
  r=$(median "r-$s" "env PATH=$real:/usr/bin:/bin execlineb -P $here/scripts/$s.el")
  row "$s" "$o" "$r"
done
o=$(median o-exit "env PATH=$ours:/usr/bin:/bin execlineb -c 'exit 0'")
r=$(median r-exit "env PATH=$real:/usr/bin:/bin execlineb -c 'exit 0'")
row "-c 'exit 0'" "$o" "$r"
b=$(median baseline "env PATH=$ours:/usr/bin:/bin $root/out/baseline/baseline")
awk -v o="$o" -v b="$b" 'BEGIN { printf "%-34s %9.1f ms %9.1f ms %8.2fx (target <= 1.25x)\n", "-c exit 0 vs empty .NET program", o*1000, b*1000, o/b }'
