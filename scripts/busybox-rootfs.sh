#!/usr/bin/env bash
# busybox-rootfs.sh DIR: makes DIR the root of a busybox image: Debian's busybox-static and nothing else
# (no libc, no loader), every applet a link in /bin, the accounts s6-overlay's images have, /var/run a
# link to ../run (scripts/container.sh mounts /proc, /run and /dev as a container runtime does).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: busybox-rootfs.sh DIR" >&2; exit 100; }
mkdir -p "$1"
cd "$1"
mkdir -p bin dev etc proc root run sys tmp var
chmod 1777 tmp
ln -sfn ../run var/run
cp /bin/busybox bin/busybox
for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "bin/$applet"; done
printf '%s\n' root:x:0:0:root:/root:/bin/sh daemon:x:1:1:daemon:/usr/sbin:/bin/false \
  nobody:x:65534:65534:nobody:/nonexistent:/bin/false >etc/passwd
printf '%s\n' root:x:0: daemon:x:1: nogroup:x:65534: >etc/group
