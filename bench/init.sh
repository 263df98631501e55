#!/usr/bin/env bash
# bench/init.sh — the container init's timings and memory, booted with scripts/container.sh in a busybox
# image with out/execline-cs-x86_64.tar.gz on it, printed next to s6-overlay v2's reference figures
# (../shared/spec/s6-overlay.md §8); then bench/init-v3.sh, the same for v3 images. Medians of RUNS runs
# (default 5). Needs root (namespaces).
#   boot to CMD    from starting the container to the CMD's first instruction, 0/10/50 services, less the
#                  same container starting that CMD without /init (what container.sh itself costs)
#   /init true     the whole run of `/init true`, defaults
#   SIGTERM→exit   docker stop's signal to PID 1 of an idle container (CMD `sleep`), defaults
#   idle memory    sum of the RSS of every process in the container but the services' own programs
set -euo pipefail
. "$(dirname "$0")/init-common.sh"
[ -f "$root/out/execline-cs-x86_64.tar.gz" ] || "$root/scripts/publish.sh"

image() { # NAME SERVICES: our overlay and SERVICES services in /etc/services.d that sleep
  base_image "$1" "$root/out/execline-cs-x86_64.tar.gz"
  for i in $(seq 1 "$2"); do
    mkdir -p "$tmp/$1/etc/services.d/svc$i"
    cp "$tmp/$1/tmp/run" "$tmp/$1/etc/services.d/svc$i/run"
  done
}

for n in 0 10 50; do image "s$n" "$n" >/dev/null; done

bare=$(for _ in $(seq "$runs"); do to_cmd s0 0; done | median)
printf "%-34s %10s %14s\n" "measure" "ours" "s6-overlay v2"
for n in 0 10 50; do
  t=$(for _ in $(seq "$runs"); do to_cmd "s$n" "$n" /init; done | median)
  ref=$(case $n in 0) echo 329;; 10) echo 513;; 50) echo 1385;; esac)
  printf "%-34s %7s ms %11s ms\n" "boot to CMD, $n services" "$(ms "$(minus "$t" "$bare")")" "$ref"
done
t=$(for _ in $(seq "$runs"); do warm s0; t0=$(now); container "$tmp/s0" -- /init true; echo $(($(now) - t0)); done | median)
printf "%-34s %7s ms %11s ms\n" "/init true end to end" "$(ms "$t")" 3816
for n in 0 50; do
  t=$(for _ in $(seq "$runs"); do idle "s$n" "$n" nothing; done | median)
  printf "%-34s %7s ms %11s ms\n" "SIGTERM to exit, $n services" "$(ms "$t")" "$([ $n = 0 ] && echo 3483 || echo 3628)"
done
m0=$(memory s0 0)
m50=$(memory s50 50)
# v2: s6-svscan 72 kB and one s6-supervise of about 80 kB per service, s6-fdholderd's included (§8)
printf "%-34s %7s kB %11s kB\n" "idle memory, 0 services" "$m0" "≈152"
printf "%-34s %7s kB %11s kB\n" "idle memory, 50 services" "$m50" "≈4152"
printf "%-34s %7s kB %11s kB\n" "per supervised service" "$(case $m0$m50 in *n/a*) echo n/a;; *) echo $(( (m50 - m0) / 50 ));; esac)" "75-80"
echo
"$root/bench/init-v3.sh"
