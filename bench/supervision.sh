#!/usr/bin/env bash
# Supervision tree under ours and under the real s6-svscan 2.11: N services (each `exec sleep`), time until
# all are up (status files present, then s6-svwait -u on all of them), the resident memory of the
# supervision processes (s6-svscan and every s6-supervise; the services themselves are counted apart) and
# the descriptors they hold, per service. Then 1,000 services under a soft limit of 1024 open files (what
# Docker 25+ gives a container), the hard limit left as it is.
#   bench/supervision.sh [N...]        default: 1 50 500
# Our binary: $EXECLINE_BIN, else the published one in out/local (scripts/publish.sh builds it).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
ours=${EXECLINE_BIN:-$root/out/local/usr/lib/execline-cs/execline}
[ -x "$ours" ] || "$root/scripts/publish.sh" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$ours" "$work/bin/s6-svscan"
counts=${*:-1 50 500}

# "supervisors_kB services_kB supervisor_pids" over pid and all its descendants.
tree_rss() {
  local top=$1
  grep -H -E '^(Name|PPid|VmRSS):' /proc/[0-9]*/status 2>/dev/null | awk -v top="$top" '
    { split($0, f, ":"); split(f[1], path, "/"); pid = path[3]; v = f[3]; gsub(/^[ \t]+| kB$/, "", v) }
    f[2] == "Name" { name[pid] = v } f[2] == "PPid" { ppid[pid] = v } f[2] == "VmRSS" { rss[pid] = v }
    END {
      inside[top] = 1; changed = 1
      while (changed) { changed = 0; for (p in ppid) if (!(p in inside) && (ppid[p] in inside)) { inside[p] = 1; changed = 1 } }
      for (p in inside) { if (name[p] == "sleep") svc += rss[p]; else { sup += rss[p]; pids = pids "," p } }
      print sup + 0, svc + 0, substr(pids, 2)
    }'
}

# Descriptors open in the processes of a comma-separated pid list.
fds_of() {
  local n=0 p
  for p in ${1//,/ }; do n=$((n + $(ls "/proc/$p/fd" 2>/dev/null | wc -l))); done
  echo "$n"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# run one side, the command line prefixed by $limit: prints "ms supervisors_kB services_kB descriptors"
measure() {
  local bin=$1 n=$2 scan="$work/scan.$1.$2${limit:+.limited}"
  mkdir -p "$scan"
  for i in $(seq "$n"); do
    mkdir "$scan/s$i"
    printf '#!/bin/sh\nexec sleep 100000\n' >"$scan/s$i/run"
    chmod +x "$scan/s$i/run"
  done
  local t0; t0=$(now_ms)
  $limit "$bin" -c $((n + 10)) "$scan" 2>/dev/null &
  local pid=$!
  until [ "$(ls "$scan"/*/supervise/status 2>/dev/null | wc -l)" = "$n" ]; do sleep 0.01; done
  /usr/bin/s6-svwait -u -t 120000 "$scan"/s* || echo "svwait failed" >&2
  local t1; t1=$(now_ms)
  sleep 1
  local sup svc pids
  read -r sup svc pids < <(tree_rss "$pid")
  echo "$((t1 - t0)) $sup $svc $(fds_of "$pids")"
  /usr/bin/s6-svscanctl -t "$scan"
  wait "$pid"
}

limit=
row() { # services side ms sup_kB svc_kB fds
  awk -v n="$1" -v side="$2" -v t="$3" -v s="$4" -v v="$5" -v f="$6" 'BEGIN {
    printf "%-6s %-10s %10s ms %13s kB %11s kB %8s (%.1f per service)\n", n, side, t, s, v, f, f / n }'
}
printf '%-6s %-10s %12s %16s %14s %s\n' services side "time to up" "supervision RSS" "services RSS" "  descriptors"
for n in $counts; do
  read -r rt rs rv rf < <(measure /usr/bin/s6-svscan "$n")
  read -r ot os ov of < <(measure "$work/bin/s6-svscan" "$n")
  row "$n" real "$rt" "$rs" "$rv" "$rf"
  row "$n" ours "$ot" "$os" "$ov" "$of"
  awk -v rt="$rt" -v ot="$ot" -v rs="$rs" -v os="$os" -v n="$n" 'BEGIN {
    printf "%-6s ratios     time ours/real %.2f   supervision memory ours/real %.2f\n", n, ot / (rt ? rt : 1), os / (rs ? rs : 1) }'
done
echo "1000 services, soft limit on open files 1024 (prlimit --nofile=1024:$(ulimit -Hn)):"
limit="prlimit --nofile=1024:$(ulimit -Hn) --"
read -r rt rs rv rf < <(measure /usr/bin/s6-svscan 1000)
read -r ot os ov of < <(measure "$work/bin/s6-svscan" 1000)
row 1000 real "$rt" "$rs" "$rv" "$rf"
row 1000 ours "$ot" "$os" "$ov" "$of"
