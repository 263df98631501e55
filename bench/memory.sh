#!/usr/bin/env bash
# Peak memory (maximum resident set, from /usr/bin/time) and time of large inputs, ours against the real
# execlineb 2.9.3. The real one hands the whole script to the kernel as one argv: a 16 MiB value is one
# argument past the kernel's 128 KiB limit for a single one, so its exec fails (E2BIG) and what is
# measured there is its reading of the script up to that exec; on the 16 MiB script it dies of SIGSEGV.
# Ours runs them all to their end. Medians of RUNS (default 3) runs.
#   bench/memory.sh
# Our binary: $EXECLINE_BIN, else the published one in out/local (scripts/publish.sh builds it).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
ours=${EXECLINE_BIN:-$root/out/local/usr/lib/execline-cs/execline}
[ -x "$ours" ] || "$root/scripts/publish.sh" || exit 1
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ours"
for n in $("$ours" --list); do ln -s "$ours" "$work/ours/$n"; done

value=$(head -c 16777216 /dev/zero | tr '\0' x)
{ printf true; i=0; while [ $i -lt 131072 ]; do printf ' w'; i=$((i+1)); done; echo; } > "$work/words.el"
printf 'define v "%s"\nexit 0\n' "$value" > "$work/define.el"
printf 'define v "%s"\ntrue $v\n' "$value" > "$work/define-used.el"
awk 'BEGIN { while (size < 16777216) { l = sprintf("define -s v%d \"x %d y\"", n, n); print l; size += length(l) + 1; n++ }
             print "exit 0" }' > "$work/script.el"
unset value

# median over RUNS of "seconds kilobytes" for one side
measure() { # bin-dir script
  for i in $(seq "${RUNS:-3}"); do
    PATH="$1:/usr/bin:/bin" /usr/bin/time -f '%e %M' -o "$work/t" "$1/execlineb" "$2" >/dev/null 2>&1
    tail -1 "$work/t"
  done | sort -n -k2 | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }'
}

printf "%-44s %18s %18s %8s\n" "scenario" "ours" "execline" "memory"
for s in "words:true and 131,072 words" "define:a 16 MiB define value, unused" \
         "define-used:a 16 MiB define value, used" "script:a 16 MiB script (define lines)"; do
  read -r ot om <<<"$(measure "$work/ours" "$work/${s%%:*}.el")"
  read -r rt rm <<<"$(measure /usr/lib/execline/bin "$work/${s%%:*}.el")"
  awk -v l="${s#*:}" -v ot="$ot" -v om="$om" -v rt="$rt" -v rm="$rm" \
    'BEGIN { printf "%-44s %6.2f s %6.1f MB %6.2f s %6.1f MB %7.2fx\n", l, ot, om / 1024, rt, rm / 1024, om / rm }'
done
