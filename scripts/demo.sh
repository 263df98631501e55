#!/usr/bin/env bash
# The main job: publishes, runs an execline tour, then boots the Dockerfile's demo image as a container
# here without an engine (scripts/container.sh: PID namespace + chroot): the stages, the service
# answering, and a clean stop on SIGTERM as `docker stop` sends it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# A C compiler links the native executable, patchelf points it at the shipped glibc, busybox-static is the
# demo image's base.
scripts/need.sh gcc patchelf busybox-static
scripts/publish.sh
PATH="$root/out/local/usr/bin:$PATH" execlineb -P scripts/demo/tour.el

if [ ! -e out/overlay/init ]; then
  echo "(the container demo starts once the overlay has its /init)"
  exit 0
fi
rootfs=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$rootfs" "$log"' EXIT
# The Dockerfile's image: busybox, the tarball at /, the demo's files, its ENV, ENTRYPOINT and CMD.
scripts/busybox-rootfs.sh "$rootfs"
tar -xzf out/execline-cs-x86_64.tar.gz -C "$rootfs"
cp -a scripts/demo/image/. "$rootfs/"
echo "== booting the demo image: /init /usr/local/bin/show-site"
scripts/container.sh "$rootfs" GREETING=execline-cs -- /init /usr/local/bin/show-site >"$log" 2>&1 &
container=$!
tail -n +1 -f --pid="$container" "$log" &
for _ in $(seq 150); do grep -q '^Hello from' "$log" && break; sleep 0.2; done
grep -q '^Hello from' "$log" || { echo "== the service never answered"; kill "$container"; exit 1; }
echo "== the service answered; stopping as docker stop does: SIGTERM to PID 1"
kill -TERM "$(cat "/proc/$container/task/$container/children")"
status=0
wait "$container" || status=$?
wait
echo "== the container exited $status"
