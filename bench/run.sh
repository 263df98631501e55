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
# The machine's speed drifts over a run (it is shared), so each pair is measured ROUNDS times, one
# right after the other, and what is reported is the median round's pair and the rounds' range of ratios.
pair() { # label ratio-format command-a command-b -> "label a b ratio(b/a or a/b) min max"
  local label=$1 invert=$2 i a b
  for i in $(seq "${ROUNDS:-3}"); do
    a=$(median a "$3") b=$(median b "$4")
    echo "$a $b"
  done | awk -v l="$label" -v inv="$invert" '
    { a[NR] = $1; b[NR] = $2; r[NR] = inv ? $1 / $2 : $2 / $1 }
    END {
      n = NR; for (i = 1; i <= n; i++) s[i] = r[i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
      m = s[int((n + 1) / 2)]
      for (i = 1; i <= NR; i++) if ((inv ? a[i] / b[i] : b[i] / a[i]) == m) k = i
      printf "%-34s %9.1f ms %9.1f ms %8.2fx  (%.2f-%.2fx)\n", l, a[k] * 1000, b[k] * 1000, m, s[1], s[n]
    }'
}

printf "%-34s %12s %12s %9s  %s\n" "scenario" "ours" "execline" "speedup" "(rounds' range)"
for s in define20 forx500 stage2; do
  pair "$s" 0 "env PATH=$ours:/usr/bin:/bin execlineb -P $here/scripts/$s.el" \
    "env PATH=$real:/usr/bin:/bin execlineb -P $here/scripts/$s.el"
done
pair "-c 'exit 0'" 0 "env PATH=$ours:/usr/bin:/bin execlineb -c 'exit 0'" "env PATH=$real:/usr/bin:/bin execlineb -c 'exit 0'"
printf "%-34s %12s %12s %9s\n" "" "ours" "empty program" "ratio (target <= 1.25x)"
pair "-c 'exit 0' vs an empty .NET program" 1 "env PATH=$ours:/usr/bin:/bin execlineb -c 'exit 0'" \
  "env PATH=$ours:/usr/bin:/bin $root/out/baseline/baseline"
