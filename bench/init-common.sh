# bench/init-common.sh, sourced by bench/init.sh and bench/init-v3.sh: busybox images booted with
# scripts/container.sh, and the measures both take. A boot that fails (no CMD within $BOOT_LIMIT s, or the
# services not all running once the CMD has started) gives "n/a" instead of a figure.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-5}
limit=${BOOT_LIMIT:-60}
tmp=$(mktemp -d)
trap 'umount -q "$tmp"/*/run "$tmp"/*/dev 2>/dev/null || true; rm -rf "$tmp"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '/n\/a/ { failed = 1 } { v[NR] = $1 } END { print failed ? "n/a" : v[int((NR + 1) / 2)] }'; }
ms() { case $1 in *n/a*) echo n/a ;; *) awk -v ns="$1" 'BEGIN { printf "%.0f", ns / 1e6 }' ;; esac; }
minus() { case $1$2 in *n/a*) echo n/a ;; *) echo $(($1 - $2)) ;; esac; }

base_image() { # NAME OVERLAY: a busybox image with OVERLAY (a tarball, or a tree to copy) on it, /tmp/go a fifo
  local dir=$tmp/$1
  "$root/scripts/busybox-rootfs.sh" "$dir"
  if [ -d "$2" ]; then cp -a "$2/." "$dir/"; else tar -xzf "$2" -C "$dir"; fi
  mkfifo "$dir/tmp/go"
  printf '#!/bin/sh\nexec sleep 100000\n' >"$dir/tmp/run"
  chmod 755 "$dir/tmp/run"
}

# Every file of an image read just before it boots, outside the time taken: a machine may page out what
# nobody touched for a while (this one runs DAMON's reclaim, which drops page cache idle for a minute), and
# a boot that reads its programs from the disk again measures the disk, differently for each side.
warm() { find "$tmp/$1" -xdev -type f -print0 | xargs -0 cat >/dev/null 2>&1 || true; }

container() { "$root/scripts/container.sh" "$@" </dev/null >/dev/null 2>&1; }
# A container given up on is killed through container.sh's process with SIGKILL: unshare --fork ignores
# SIGTERM, and its --kill-child takes PID 1, hence the whole PID namespace, with it.

# The CMD every measure boots: it tells the bench it has started (a line on /tmp/go), then writes into
# /tmp/up how many services run (a `run` script, or the `sleep` it execs) once there are /tmp/want of
# them or 5 s have passed, and "s6-rc" if the boot was v3's (s6-rc-init made /run/s6-rc). It counts
# after a pause, so as not to compete with the bench for the CPU while the bench takes the time.
cmd='echo >/tmp/go; read -r want </tmp/want; i=0
  while sleep 0.2; do
    n=0; for c in /proc/[0-9]*/comm; do read -r x <"$c" && case $x in run|sleep) n=$((n + 1));; esac; done
    [ $n -ge $want ] || [ $i -ge 25 ] && break; i=$((i + 1))
  done
  [ -e /run/s6-rc ] && n="$n s6-rc"; echo $n >/tmp/up'

started() { # IMAGE PID: waits for the CMD's line on /tmp/go, its time into $at; fails if container PID
  # ends or $limit s pass first
  local fd w line
  exec {fd}<>"$tmp/$1/tmp/go"
  # A watcher writes a line of its own when the container has ended or the time is up, so that one
  # blocking read serves both (bash's read loses input now and then when a short -t expires).
  (
    for _ in $(seq $((limit * 10))); do
      read -r _ _ state _ 2>/dev/null <"/proc/$2/stat" && [ "$state" != Z ] || { echo ended >&$fd; exit; }
      sleep 0.1
    done
    echo timeout >&$fd
  ) &
  w=$!
  read -r line <&$fd
  at=$(now)
  kill $w 2>/dev/null || true
  wait $w 2>/dev/null || true
  exec {fd}<&-
  case $line in
    '') return 0 ;;
    ended) echo "$1: n/a: no CMD before the container ended" >&2 ;;
    *) echo "$1: n/a: no CMD within $limit s" >&2 ;;
  esac
  return 1
}

up() { # IMAGE SERVICES: the CMD saw SERVICES services running (its own `sleep 0.2` is gone by then), and
  # a v3 boot if $generation is 3
  local n rc
  read -r n rc 2>/dev/null <"$tmp/$1/tmp/up" && [ "$n" -ge "$2" ] && { [ "${generation:-}" != 3 ] || [ "$rc" = s6-rc ]; } && return
  echo "$1: n/a: the CMD saw ${n:-no} of $2 services running$([ "${generation:-}" = 3 ] && [ "$rc" != s6-rc ] && echo ", and no /run/s6-rc: not a v3 boot")" >&2
  return 1
}

to_cmd() { # IMAGE SERVICES PREFIX...: ns from start to the CMD's first instruction
  local t0 c
  rm -f "$tmp/$1/tmp/up"
  echo "$2" >"$tmp/$1/tmp/want"
  warm "$1"
  t0=$(now)
  (exec "$root/scripts/container.sh" "$tmp/$1" -- "${@:3}" sh -c "$cmd" </dev/null >/dev/null 2>&1) &
  c=$!
  if ! started "$1" $c; then kill -KILL $c 2>/dev/null; { wait $c; } 2>/dev/null || true; echo n/a; return; fi
  wait $c || true
  if up "$1" "$2"; then echo $((at - t0)); else echo n/a; fi
}

pid1_of() { # the container's PID 1: the only child of container.sh's process (unshare --fork)
  local p
  for _ in $(seq 1 500); do p=$(cat "/proc/$1/task/$1/children" 2>/dev/null || true); [ -n "$p" ] && { echo ${p%% *}; return; }; sleep 0.01; done
}

idle() { # IMAGE SERVICES ACTION: boots an idle container (CMD sleep), then ACTION PID1, then docker stop's SIGTERM
  local c p t0 t1
  rm -f "$tmp/$1/tmp/up"
  echo "$2" >"$tmp/$1/tmp/want"
  warm "$1"
  # container.sh exec'd in the background, so that $! is its process (unshare, PID 1's parent): bash
  # does not always exec a background command in the process it forks for it
  (exec "$root/scripts/container.sh" "$tmp/$1" -- /init sh -c "$cmd; exec sleep 100000" </dev/null >/dev/null 2>&1) &
  c=$!
  if ! started "$1" $c; then kill -KILL $c 2>/dev/null; { wait $c; } 2>/dev/null || true; echo n/a; return; fi
  p=$(pid1_of $c)
  for _ in $(seq 1 200); do [ -s "$tmp/$1/tmp/up" ] && break; sleep 0.05; done
  if ! up "$1" "$2"; then kill -KILL $c; { wait $c; } 2>/dev/null || true; echo n/a; return; fi
  "$3" "$p"
  t0=$(now)
  kill -TERM "$p"
  wait $c || true
  t1=$(now)
  echo $((t1 - t0))
}

rss_kb() { # PID1: kB of RSS of every process of its PID namespace except the services' sleeps, into $tmp/rss
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

memory() { # IMAGE SERVICES: the idle tree's kB, or n/a
  rm -f "$tmp/rss"
  [ "$(idle "$1" "$2" rss_kb)" != n/a ] && cat "$tmp/rss" || echo n/a
}
