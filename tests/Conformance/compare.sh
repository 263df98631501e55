#!/usr/bin/env bash
# Runs conformance cases under the real execline and s6 and ours, side by side, and shows differences.
#   compare.sh -c 'shell snippet'        one ad-hoc snippet
#   compare.sh FILE.cases [PATTERN]      the cases of a file whose name contains PATTERN
#   compare.sh FILE.expected.cases [PATTERN]   the same, run with ours only against the expected output
# Our binary: $EXECLINE_BIN, else the published one in out/local (scripts/publish.sh), which is what the
# tests run and what ships: a Debug build is JIT-started and behaves differently where the runtime does
# (descriptors it opens, signals it unblocks, limits it raises). The C# harness (dotnet test) is the
# authority; this is the quick loop while writing a builtin.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ours=${EXECLINE_BIN:-$root/out/local/usr/lib/execline-cs/execline}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/real" "$work/ours"
gcc -O2 -o "$work/a" "$here/tools/a.c"
for f in /usr/lib/execline/bin/*; do
  n=$(basename "$f")
  ln -s "$f" "$work/real/$n"
  ln -s "$ours" "$work/ours/$n"
done
for n in $("$ours" --list); do
  [ -e "$work/ours/$n" ] && continue
  ln -s "$ours" "$work/ours/$n"
  [ -e "/usr/bin/$n" ] && ln -s "/usr/bin/$n" "$work/real/$n"
done
cp "$work/a" "$work/real/a"; cp "$work/a" "$work/ours/a"

run_one() { # side snippet -> files in $work/out.side.*
  local side=$1 snippet=$2 dir="$work/cwd.$1"
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && env -i PATH="$work/$side:/usr/bin:/bin" HOME="$dir" LC_ALL=C \
     timeout 30 sh -c "$snippet" </dev/null >"$work/out.$side" 2>"$work/err.$side"; echo $? >"$work/rc.$side")
}

fails=0 total=0
check() { # name improved snippet
  local name=$1 improved=$2 snippet=$3 ok=1
  total=$((total+1))
  run_one real "$snippet"; run_one ours "$snippet"
  cmp -s "$work/out.real" "$work/out.ours" || ok=0
  cmp -s "$work/rc.real" "$work/rc.ours" || ok=0
  if [ -n "$improved" ]; then
    while IFS= read -r theirs <&3 && IFS= read -r mine <&4; do
      case "$mine" in "$theirs"*) ;; *) ok=0 ;; esac
    done 3<"$work/err.real" 4<"$work/err.ours"
    [ "$(wc -l <"$work/err.real")" = "$(wc -l <"$work/err.ours")" ] || ok=0
  else
    cmp -s "$work/err.real" "$work/err.ours" || ok=0
  fi
  if [ $ok = 1 ]; then echo "ok   $name"; else
    fails=$((fails+1)); echo "FAIL $name"; echo "  snippet: $snippet"
    for s in real ours; do
      echo "  --- $s rc=$(cat "$work/rc.$s")"; sed 's/^/  out| /' "$work/out.$s"; sed 's/^/  err| /' "$work/err.$s"
    done
  fi
}

check_expected() { # name snippet stdout stderr rc
  local name=$1 snippet=$2 ok=1
  total=$((total+1))
  run_one ours "$snippet"
  printf '%s' "$3" >"$work/out.expected"; printf '%s' "$4" >"$work/err.expected"; echo "$5" >"$work/rc.expected"
  for k in out err rc; do cmp -s "$work/$k.expected" "$work/$k.ours" || ok=0; done
  if [ $ok = 1 ]; then echo "ok   $name"; else
    fails=$((fails+1)); echo "FAIL $name"; echo "  snippet: $snippet"
    for s in expected ours; do
      echo "  --- $s rc=$(cat "$work/rc.$s")"; sed 's/^/  out| /' "$work/out.$s"; sed 's/^/  err| /' "$work/err.$s"
    done
  fi
}

if [ "${1:-}" = "-c" ]; then
  check "ad hoc" "" "$2"
elif [[ "$1" == *.expected.cases ]]; then
  # "#> " lines are stdout, "#2> " lines stderr, "#? N" the exit code (default 0)
  file=$1 pattern=${2:-}
  name="" snippet="" out="" err="" rc=0
  flush() { if [ -n "$name" ] && { [ -z "$pattern" ] || [[ "$name" == *"$pattern"* ]]; }; then check_expected "$name" "$snippet" "$out" "$err" "$rc"; fi; }
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      "## "*) flush; name=${line#\#\# }; snippet="" out="" err="" rc=0 ;;
      "#> "*) out+="${line#\#> }"$'\n' ;;
      "#>") out+=$'\n' ;;
      "#2> "*) err+="${line#\#2> }"$'\n' ;;
      "#2>") err+=$'\n' ;;
      "#? "*) rc=${line#\#? } ;;
      *) if [ -n "$name" ]; then snippet+="$line"$'\n'; fi ;;
    esac
  done <"$file"
  flush
else
  file=$1 pattern=${2:-}
  name="" improved="" snippet=""
  flush() { if [ -n "$name" ] && { [ -z "$pattern" ] || [[ "$name" == *"$pattern"* ]]; }; then check "$name" "$improved" "$snippet"; fi; }
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      "## "*) flush; name=${line#\#\# }; improved=""; snippet="" ;;
      "#! improved:"*) improved=${line#\#! improved:} ;;
      *) if [ -n "$name" ]; then snippet+="$line"$'\n'; fi ;;
    esac
  done <"$file"
  flush
fi
echo "$((total-fails)) passed, $fails failed"
[ $fails = 0 ]
