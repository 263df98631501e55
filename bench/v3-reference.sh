#!/usr/bin/env bash
# bench/v3-reference.sh DIR [SOURCES]: builds the real s6-overlay v3.2.3.2 from its sources into DIR, as
# a tree to copy onto an image's root (what its arch and noarch tarballs hold together): the skaware
# packages at the versions its conf/versions pins, static with musl, laid out by `make install update
# global-links` in slashpackage (/package/CATEGORY/NAME-VERSION/command, /package/CATEGORY/NAME, /command
# links), include/ and library/ removed, then layout/rootfs-overlay with the @VERSION@/@SHEBANGDIR@
# rewrite (../shared/spec/s6-overlay-v3.md §0.1, §1.1). Only what a boot needs: s6-dns, s6-networking
# and BearSSL (for s6-tlsd) are left out. bench/init-v3.sh measures the result (V3_REFERENCE=DIR).
#
# Offline: SOURCES (default /work/.mirror) holds, for each package NAME, either NAME-VERSION/ (a release
# tarball extracted, e.g. https://skarnet.org/software/skalibs/skalibs-2.15.1.0.tar.gz, or GitHub's
# https://github.com/just-containers/s6-overlay/archive/refs/tags/v3.2.3.2.tar.gz renamed), or a git
# repository with the pinned ref at NAME, NAME.git or OWNER+NAME/repo (`git clone --mirror
# https://github.com/skarnet/NAME`; OWNER is skarnet, or just-containers for s6-overlay and
# s6-overlay-helpers). Needs musl-gcc (Debian: apt-get install musl-tools), make, git (for a repository).
# Not run by CI (no network there, and it takes some minutes).
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: v3-reference.sh DIR [SOURCES]" >&2; exit 100; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
src=${2:-/work/.mirror}
version=3.2.3.2
arch=x86_64-linux-musl

# NAME CATEGORY REF (conf/versions @v3.2.3.2) CONFIGURE-OPTIONS (mk/skaware.mk), in dependency order.
# s6 v2.15.1.0 and s6-rc v0.7.0.0 are the commits conf/versions names beside the tag (d73e657, 50f4e65):
# a mirror may lack those tags.
packages=(
  "skalibs prog v2.15.1.0 --with-default-path=/command:/usr/bin:/bin --with-sysdep-devurandom=yes --with-sysdep-grndinsecure=no --with-sysdep-posixspawnearlyreturn=no --with-sysdep-procselfexe=/proc/self/exe --with-sysdep-selectinfinite=yes"
  "execline admin v2.9.9.2 --disable-pedantic-posix --enable-multicall"
  "s6 admin d73e65752c7f3785b09c26bb084b589be4e142af"
  "s6-rc admin 50f4e65aa2776e0916ad90130dcd28043154dfd5"
  "s6-linux-init admin v1.2.0.2"
  "s6-portable-utils admin v2.3.1.2 --enable-multicall"
  "s6-linux-utils admin v2.6.4.1 --enable-multicall"
  "s6-overlay-helpers admin v0.1.2.2"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/staging

unpack() { # NAME REF DEST: the sources of NAME at REF into DEST, from an extracted tarball or a repository
  local name=$1 ref=$2 dest=$3 owner=skarnet git
  case $name in s6-overlay*) owner=just-containers ;; esac
  if [ -d "$src/$name-${ref#v}" ]; then
    cp -a "$src/$name-${ref#v}" "$dest"
    return
  fi
  for git in "$src/$name" "$src/$name.git" "$src/$owner+$name/repo"; do
    if git --git-dir="$git/.git" rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then git=$git/.git
    elif ! git --git-dir="$git" rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then continue; fi
    mkdir -p "$dest"
    git --git-dir="$git" archive "$ref" | tar -x -C "$dest"
    return
  done
  echo "v3-reference.sh: no sources of $name $ref in $src (neither $name-${ref#v}/ nor a repository holding $ref)" >&2
  exit 1
}

# The cross toolchain upstream names ($arch-gcc, -ar, -ranlib, -strip), here Debian's musl-gcc and binutils.
# Upstream's toolchain carries the kernel's headers (s6-linux-init includes linux/kd.h); musl-gcc has
# only musl's, so the host's kernel headers come after them.
command -v musl-gcc >/dev/null || { echo "v3-reference.sh: musl-gcc missing (apt-get install musl-tools)" >&2; exit 1; }
mkdir -p "$work/toolchain" "$work/kernel-headers"
ln -s /usr/include/linux /usr/include/asm-generic "$work/kernel-headers/"
ln -s "/usr/include/$(gcc -dumpmachine)/asm" "$work/kernel-headers/asm"
printf '#!/bin/sh\nexec musl-gcc "$@" -idirafter %s\n' "$work/kernel-headers" >"$work/toolchain/$arch-gcc"
chmod 755 "$work/toolchain/$arch-gcc"
for t in ar ranlib strip; do ln -s "$(command -v $t)" "$work/toolchain/$arch-$t"; done
export PATH=$work/toolchain:$PATH

for p in "${packages[@]}"; do
  read -r name category ref options <<<"$p"
  echo "v3-reference.sh: building $name $ref" >&2
  unpack "$name" "$ref" "$work/$name"
  (
    cd "$work/$name"
    # shellcheck disable=SC2086 # the options are words
    DESTDIR=$stage ./configure --target=$arch --enable-slashpackage --enable-static-libc --disable-shared $options
    make -j"$(nproc)"
    make strip
    make -j1 -L install update global-links DESTDIR="$stage"
  ) >"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; exit 1; }
done

rm -rf "$out"/{package,command,init,etc}
cp -a "$stage/package" "$stage/command" "$out/"
rm -rf "$out"/package/*/*/include "$out"/package/*/*/library

# The noarch tree (Makefile target rootfs-overlay-noarch).
unpack s6-overlay "v$version" "$work/s6-overlay"
noarch=$work/s6-overlay/layout/rootfs-overlay
find "$noarch" -type f -name .empty -delete
find "$noarch" -depth -name '*@VERSION@*' | while read -r f; do mv -f "$f" "$(dirname "$f")/$(basename "$f" | sed "s/@VERSION@/$version/")"; done
find "$noarch" -type f -size +0c -print0 | xargs -0 sed -i -e "s|@SHEBANGDIR@|/command|g; s/@VERSION@/$version/g;" --
ln -s "s6-overlay-$version" "$noarch/package/admin/s6-overlay"
cp -a "$noarch/." "$out/"
chown -R 0:0 "$out" 2>/dev/null || true
chmod 04755 "$out/package/admin/s6-overlay-helpers/command/s6-overlay-suexec"
echo "v3-reference.sh: s6-overlay $version in $out" >&2
