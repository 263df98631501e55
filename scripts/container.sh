#!/usr/bin/env bash
# container.sh ROOTFS [-w DIR] [-r] [NAME=VALUE...] -- COMMAND...
# Runs COMMAND as `docker run --rm` would, without an engine: PID 1 of fresh PID, mount, network (only
# lo, up) and UTS (hostname c) namespaces, chrooted into ROOTFS with /proc, a tmpfs /run and a /dev as
# docker makes it mounted, in DIR (default /), with docker's default environment plus the NAME=VALUE
# pairs and nothing else. -r makes the root read-only with a tmpfs /var, as `docker run --read-only
# --tmpfs /var` does. Exits with COMMAND's code. Its PID 1, to signal as `docker stop` does, is this
# process's only child; killing this process kills the container.
set -euo pipefail
usage() { echo "usage: container.sh ROOTFS [-w DIR] [-r] [NAME=VALUE...] -- COMMAND..." >&2; exit 100; }
[ $# -ge 1 ] || usage
rootfs=$(cd "$1" && pwd)
shift
wd=/
readonly_root=
env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root HOSTNAME=c)
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  case $1 in
    -w) [ $# -ge 2 ] || usage; wd=$2; shift 2 ;;
    -r) readonly_root=1; shift ;;
    *=*) env+=("$1"); shift ;;
    *) usage ;;
  esac
done
[ $# -ge 2 ] || usage
shift
mkdir -p "$rootfs/dev" "$rootfs/proc" "$rootfs/run" "$rootfs/var"

# The outer shell sets up what lives in the new namespaces; then the inner unshare, with exactly the
# environment given (in its order), chroots, mounts /proc for the new PID namespace and execs COMMAND,
# which so keeps PID 1.
setup='set -e
  if [ -n "$READONLY_ROOT" ]; then
    /bin/mount --bind "$0" "$0"
    /bin/mount -o remount,bind,ro "$0"
    /bin/mount -t tmpfs -o mode=0755 tmpfs "$0/var"
  fi
  /sbin/ip link set lo up
  /bin/hostname c
  /bin/mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$0/run"
  /bin/mount -t tmpfs -o mode=0755,nosuid tmpfs "$0/dev"
  node() { /bin/mknod -m 666 "$0/dev/$1" c "$2" "$3"; }
  node null 1 3; node zero 1 5; node full 1 7; node random 1 8; node urandom 1 9; node tty 5 0
  /bin/mkdir -m 1777 "$0/dev/shm"
  /bin/ln -s /proc/self/fd "$0/dev/fd"
  /bin/ln -s /proc/self/fd/0 "$0/dev/stdin"
  /bin/ln -s /proc/self/fd/1 "$0/dev/stdout"
  /bin/ln -s /proc/self/fd/2 "$0/dev/stderr"
  exec /usr/bin/env -i "$@"'
inner=("${env[@]}" /usr/bin/unshare --root="$rootfs" --wd="$wd" --mount-proc -- "$@")
exec env -i READONLY_ROOT="$readonly_root" /usr/bin/unshare --pid --fork --kill-child --mount --net --uts --propagation private -- \
  /bin/sh -c "$setup" "$rootfs" "${inner[@]}"
