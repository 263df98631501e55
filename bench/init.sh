#!/usr/bin/env bash
# bench/init.sh — the container init's timings and memory, booted with scripts/container.sh in a busybox
# image with out/execline-cs-x86_64.tar.gz on it, printed next to s6-overlay v2's reference figures
# (../shared/spec/s6-overlay.md §8). Medians of RUNS runs (default 5). Needs root (namespaces).
#   boot to CMD    from starting the container to the CMD's first instruction, 0/10/50 services, less the
#                  same container starting that CMD without /init (what container.sh itself costs)
#   /init true     the whole run of `/init true`, defaults
#   SIGTERM→exit   docker stop's signal to PID 1 of an idle container (CMD `sleep`), defaults
#   idle memory    sum of the RSS of every process in the container but the services' own programs
# Then the same for s6-overlay v3's boot: images with 0/10/50 s6-rc longruns (and 10 in a dependency
# chain) in /etc/s6-overlay/s6-rc.d, next to v3's figures where the spec has them (§6.2, an idle 2-CPU VM).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
[ -f "$root/out/execline-cs-x86_64.tar.gz" ] || "$root/scripts/publish.sh"
tmp=$(mktemp -d)
trap 'umount -q "$tmp"/*/run "$tmp"/*/dev 2>/dev/null || true; rm -rf "$tmp"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.0f", ns / 1e6 }'; }

image() { # NAME SERVICES: a busybox image with our overlay and SERVICES services that sleep
  local dir=$tmp/$1
  "$root/scripts/busybox-rootfs.sh" "$dir"
  tar -xzf "$root/out/execline-cs-x86_64.tar.gz" -C "$dir"
  mkfifo "$dir/tmp/go"
  for i in $(seq 1 "$2"); do
    mkdir -p "$dir/etc/services.d/svc$i"
    printf '#!/bin/sh\nexec sleep 100000\n' >"$dir/etc/services.d/svc$i/run"
    chmod 755 "$dir/etc/services.d/svc$i/run"
  done
}

image3() { # NAME LONGRUNS [chain]: a v3 image with LONGRUNS s6-rc longruns that sleep, all in the user
  # bundle, each depending on base (chain: on the one before it)
  local dir=$tmp/$1 prev=base
  "$root/scripts/busybox-rootfs.sh" "$dir"
  tar -xzf "$root/out/execline-cs-x86_64.tar.gz" -C "$dir"
  mkfifo "$dir/tmp/go"
  mkdir -p "$dir/etc/s6-overlay/scripts"
  for i in $(seq 1 "$2"); do
    local svc=$dir/etc/s6-overlay/s6-rc.d/svc$i
    mkdir -p "$svc/dependencies.d"
    echo longrun >"$svc/type"
    printf '#!/bin/sh\nexec sleep 100000\n' >"$svc/run"
    touch "$svc/dependencies.d/$prev" "$dir/etc/s6-overlay/user-bundles.d/user/contents.d/svc$i"
    if [ "${3:-}" = chain ]; then prev=svc$i; fi
  done
}

container() { "$root/scripts/container.sh" "$@" </dev/null >/dev/null 2>&1; }

to_cmd() { # IMAGE PREFIX...: ns from start to the CMD's first instruction (it opens the fifo /tmp/go)
  local t0 t1
  t0=$(now)
  container "$tmp/$1" -- "${@:2}" sh -c 'echo >/tmp/go' &
  read -r <"$tmp/$1/tmp/go"
  t1=$(now)
  wait
  echo $((t1 - t0))
}

pid1_of() { # the container's PID 1: the only child of container.sh's process (unshare --fork)
  local p
  for _ in $(seq 1 500); do p=$(cat "/proc/$1/task/$1/children" 2>/dev/null || true); [ -n "$p" ] && { echo ${p%% *}; return; }; sleep 0.01; done
}

idle() { # IMAGE ACTION: boots an idle container (CMD sleep), then ACTION PID1, then docker stop's SIGTERM
  local c p
  # container.sh itself in the background, so that $! is its process (unshare), PID 1's parent
  "$root/scripts/container.sh" "$tmp/$1" -- /init sh -c 'echo >/tmp/go; exec sleep 100000' </dev/null >/dev/null 2>&1 &
  c=$!
  read -r <"$tmp/$1/tmp/go"
  p=$(pid1_of $c)
  "$2" "$p"
  local t0 t1
  t0=$(now)
  kill -TERM "$p"
  wait $c || true
  t1=$(now)
  echo $((t1 - t0))
}

rss_kb() { # PID1: kB of RSS of every process of its PID namespace except the services' sleeps
  sleep 1
  local ns total=0 pid
  ns=$(readlink "/proc/$1/ns/pid")
  for pid in /proc/[0-9]*; do
    [ "$(readlink "$pid/ns/pid" 2>/dev/null)" = "$ns" ] || continue
    [ "$(cat "$pid/comm" 2>/dev/null)" = sleep ] && continue
    total=$((total + $(awk '/^VmRSS/ { print $2 }' "$pid/status" 2>/dev/null || echo 0)))
  done
  echo "$total" >"$tmp/rss"
}
nothing() { sleep 0.5; }

for n in 0 10 50; do image "s$n" "$n" >/dev/null; done

bare=$(for _ in $(seq "$runs"); do to_cmd s0; done | median)
printf "%-34s %10s %14s\n" "measure" "ours" "s6-overlay v2"
for n in 0 10 50; do
  t=$(for _ in $(seq "$runs"); do to_cmd "s$n" /init; done | median)
  ref=$(case $n in 0) echo 329;; 10) echo 513;; 50) echo 1385;; esac)
  printf "%-34s %7s ms %11s ms\n" "boot to CMD, $n services" "$(ms $((t - bare)))" "$ref"
done
t=$(for _ in $(seq "$runs"); do t0=$(now); container "$tmp/s0" -- /init true; echo $(($(now) - t0)); done | median)
printf "%-34s %7s ms %11s ms\n" "/init true end to end" "$(ms "$t")" 3816
for n in 0 50; do
  t=$(for _ in $(seq "$runs"); do idle "s$n" nothing; done | median)
  printf "%-34s %7s ms %11s ms\n" "SIGTERM to exit, $n services" "$(ms "$t")" "$([ $n = 0 ] && echo 3483 || echo 3628)"
done
idle s0 rss_kb >/dev/null; m0=$(cat "$tmp/rss")
idle s50 rss_kb >/dev/null; m50=$(cat "$tmp/rss")
# v2: s6-svscan 72 kB and one s6-supervise of about 80 kB per service, s6-fdholderd's included (§8)
printf "%-34s %7s kB %11s kB\n" "idle memory, 0 services" "$m0" "≈152"
printf "%-34s %7s kB %11s kB\n" "idle memory, 50 services" "$m50" "≈4152"
printf "%-34s %7s kB %11s kB\n" "per supervised service" "$(( (m50 - m0) / 50 ))" "75-80"

for n in 0 10 50; do image3 "v$n" "$n" >/dev/null; done
image3 v10chain 10 chain >/dev/null
echo
printf "%-34s %10s %14s\n" "s6-overlay v3 images" "ours" "s6-overlay v3"
for i in v0:0 v10:10 v50:50 v10chain:"10 in a chain"; do
  t=$(for _ in $(seq "$runs"); do to_cmd "${i%%:*}" /init; done | median)
  printf "%-34s %7s ms %14s\n" "boot to CMD, ${i#*:} longruns" "$(ms $((t - bare)))" "-"
done
t=$(for _ in $(seq "$runs"); do t0=$(now); container "$tmp/v0" -- /init true; echo $(($(now) - t0)); done | median)
printf "%-34s %7s ms %11s ms\n" "/init true end to end" "$(ms "$t")" "5300-5900"
for n in 0 50; do
  t=$(for _ in $(seq "$runs"); do idle "v$n" nothing; done | median)
  printf "%-34s %7s ms %11s ms\n" "SIGTERM to exit, $n longruns" "$(ms "$t")" "$([ $n = 0 ] && echo ≈3600 || echo -)"
done
idle v0 rss_kb >/dev/null; m0=$(cat "$tmp/rss")
idle v50 rss_kb >/dev/null; m50=$(cat "$tmp/rss")
printf "%-34s %7s kB %14s\n" "idle memory, 0 longruns" "$m0" "-"
printf "%-34s %7s kB %14s\n" "idle memory, 50 longruns" "$m50" "-"
printf "%-34s %7s kB %14s\n" "per supervised longrun" "$(( (m50 - m0) / 50 ))" "-"
