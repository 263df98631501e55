#!/usr/bin/env bash
# bench/init-v3.sh — bench/init.sh's measures on s6-overlay v3 images: busybox with
# out/execline-cs-x86_64.tar.gz on it and N longruns (`exec sleep`) declared in /etc/s6-overlay/s6-rc.d
# and listed in user-bundles.d/user, each depending on base, booted by scripts/container.sh; printed next
# to s6-overlay v3.2.3.2's figures. Those are measured here when V3_REFERENCE names a tree built by
# bench/v3-reference.sh (CI cannot build it), else they are the figures below. Medians of RUNS runs
# (default 5); "n/a" where a boot fails, is not v3's, or the CMD starts before every service runs.
# Needs root (namespaces).
#   boot to CMD    as in init.sh, 0/10/50 longruns, and 10 longruns each depending on the one before
#                  (the first on base)
#   /init true     the whole run, defaults (v3 sleeps S6_KILL_GRACETIME, 3000 ms, out at shutdown)
#   SIGTERM→exit   idle container (CMD sleep), 0 and 50 longruns, defaults
#   idle memory    every process of the container but the services' programs, 0 and 50 longruns
set -euo pipefail
. "$(dirname "$0")/init-common.sh"
generation=3
[ -f "$root/out/execline-cs-x86_64.tar.gz" ] || "$root/scripts/publish.sh"

# s6-overlay v3.2.3.2 (bench/v3-reference.sh), medians of RUNS=5 on this 2-core machine, idle, beside ours,
# 2026-12-03 (README, "s6-overlay v3 reference figures"):
# boot to CMD 0/10/50/chain of 10 (ms), /init true (ms), SIGTERM to exit 0/50 (ms), memory 0/50 (kB).
ref_date=2026-12-03
ref_boot=(35 55 160 96)
ref_true=3083
ref_term=(3021 3076)
ref_mem=(2240 6740)

image() { # NAME OVERLAY SERVICES [chain]: SERVICES longruns in the user bundle, each depending on base
  # as s6-overlay's README asks (chain: on the one before it), and /etc/s6-overlay/scripts, which makes
  # an image without services a v3 one to ours
  local d prev=base
  base_image "$1" "$2"
  mkdir -p "$tmp/$1/etc/s6-overlay/s6-rc.d" "$tmp/$1/etc/s6-overlay/user-bundles.d/user/contents.d" \
    "$tmp/$1/etc/s6-overlay/scripts"
  for i in $(seq 1 "$3"); do
    d=$tmp/$1/etc/s6-overlay/s6-rc.d/svc$i
    mkdir -p "$d/dependencies.d"
    echo longrun >"$d/type"
    cp "$tmp/$1/tmp/run" "$d/run"
    touch "$d/dependencies.d/$prev" "$tmp/$1/etc/s6-overlay/user-bundles.d/user/contents.d/svc$i"
    if [ "${4:-}" = chain ]; then prev=svc$i; fi
  done
}

ours=$root/out/execline-cs-x86_64.tar.gz
ref=${V3_REFERENCE:-}
sides=(o)
images() { # SIDE OVERLAY
  for n in 0 10 50; do image "$1$n" "$2" "$n" >/dev/null; done
  image "$1c10" "$2" 10 chain >/dev/null
}
images o "$ours"
if [ -n "$ref" ]; then images r "$ref"; sides+=(r); fi

# The boots are interleaved: each run boots the bare image (no /init, no s6-rc: the container's own
# setup), then each side's image, and a side's figure is the median of its boots less that run's bare
# one. This machine's speed drifts by a quarter within minutes; measured one side after the other, the
# drift went into the ratio.
declare -A boots
boot_all() { # SUFFIX SERVICES: boots[SIDE$SUFFIX] for every side
  local bare t s r
  declare -A got=()
  for r in $(seq "$runs"); do
    bare=$(generation='' to_cmd o0 0)
    for s in "${sides[@]}"; do
      t=$(to_cmd "$s$1" "$2" /init)
      got[$s]+="$(minus "$t" "$bare") "
    done
  done
  for s in "${sides[@]}"; do boots[$s$1]=$(ms "$(echo ${got[$s]} | tr ' ' '\n' | median)"); done
}
boot_all 0 0; boot_all 10 10; boot_all 50 50; boot_all c10 10
whole() { # IMAGE
  ms "$(for _ in $(seq "$runs"); do warm "$1"; t0=$(now); container "$tmp/$1" -- /init true && echo $(($(now) - t0)) || echo n/a; done | median)"
}
term() { # IMAGE SERVICES
  ms "$(for _ in $(seq "$runs"); do idle "$1" "$2" nothing; done | median)"
}
per() { case $1$2 in *n/a*) echo n/a ;; *) echo $(( ($2 - $1) / 50 )) ;; esac; }

declare -A o r
for s in "${sides[@]}"; do
  declare -n f=$s
  f[b0]=${boots[${s}0]}; f[b10]=${boots[${s}10]}; f[b50]=${boots[${s}50]}; f[bc]=${boots[${s}c10]}
  f[true]=n/a # `true` cannot tell whether it was booted the v3 way: the same image's boot to CMD did
  [ "${f[b0]}" = n/a ] || f[true]=$(whole "${s}0")
  f[t0]=$(term "${s}0" 0); f[t50]=$(term "${s}50" 50)
  f[m0]=$(memory "${s}0" 0); f[m50]=$(memory "${s}50" 50)
  unset -n f
done
if [ -z "$ref" ]; then
  r=([b0]=${ref_boot[0]} [b10]=${ref_boot[1]} [b50]=${ref_boot[2]} [bc]=${ref_boot[3]} [true]=$ref_true
    [t0]=${ref_term[0]} [t50]=${ref_term[1]} [m0]=${ref_mem[0]} [m50]=${ref_mem[1]})
  head="s6-overlay v3 ($ref_date)"
else
  head="s6-overlay v3 (now)"
fi

printf "%-34s %10s %28s\n" "measure (v3 images)" "ours" "$head"
unit() { case $1 in n/a) echo n/a ;; *) echo "$1 $2" ;; esac; }
row() { printf "%-34s %10s %28s\n" "$1" "$(unit "${o[$2]}" "$3")" "$(unit "${r[$2]}" "$3")"; }
row "boot to CMD, 0 longruns" b0 ms
row "boot to CMD, 10 longruns" b10 ms
row "boot to CMD, 50 longruns" b50 ms
row "boot to CMD, 10 longruns chained" bc ms
row "/init true end to end" true ms
row "SIGTERM to exit, 0 longruns" t0 ms
row "SIGTERM to exit, 50 longruns" t50 ms
row "idle memory, 0 longruns" m0 kB
row "idle memory, 50 longruns" m50 kB
o[per]=$(per "${o[m0]}" "${o[m50]}"); r[per]=$(per "${r[m0]}" "${r[m50]}")
row "per longrun" per kB
