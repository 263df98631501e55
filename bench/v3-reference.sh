#!/usr/bin/env bash
# bench/v3-reference.sh DIR [SOURCES]: builds the real s6-overlay v3.2.3.2 from its sources into DIR, as
# a tree to copy onto an image's root (what its arch and noarch tarballs hold together): the skaware
# packages at the versions its conf/versions pins, static with musl, laid out by `make install update
# global-links` in slashpackage (/package/CATEGORY/NAME-VERSION/command, /package/CATEGORY/NAME, /command
# links), include/ and library/ removed, then layout/rootfs-overlay with the @VERSION@/@SHEBANGDIR@
# rewrite (../shared/spec/s6-overlay-v3.md §0.1, §1.1). Only what a boot needs: s6-dns, s6-networking
# and BearSSL (for s6-tlsd) are left out. bench/init-v3.sh measures the result (V3_REFERENCE=DIR).
#
# Offline: SOURCES (default /work/.mirror, the session's `fetch` mirrors) holds, for each package NAME,
# either NAME-VERSION/ (a release tarball extracted, e.g. from
# https://skarnet.org/software/skalibs/skalibs-2.15.1.0.tar.gz, or GitHub's
# https://github.com/just-containers/s6-overlay/archive/refs/tags/v3.2.3.2.tar.gz), or a git repository
# holding the pinned ref at NAME, NAME.git or OWNER+NAME/repo (`git clone --mirror
# https://github.com/OWNER/NAME`; OWNER is skarnet, or just-containers for s6-overlay and
# s6-overlay-helpers). Repositories and git-archive trees gave the same bytes, and so did two builds.
# Needs musl-gcc (Debian: apt-get install musl-tools), make, and git for a repository. About a minute on
# 2 cores. Not run by CI (no network there).
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: v3-reference.sh DIR [SOURCES]" >&2; exit 100; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
src=${2:-/work/.mirror}
version=3.2.3.2
arch=x86_64-linux-musl

# NAME VERSION GIT-REF (conf/versions @v3.2.3.2) CONFIGURE-OPTIONS (mk/skaware.mk), in
# dependency order. For s6 2.15.1.0 and s6-rc 0.7.0.0 the ref is the commit conf/versions names beside
# the tag (d73e657, 50f4e65): a mirror may lack those tags.
packages=(
  "skalibs 2.15.1.0 v2.15.1.0 --with-default-path=/command:/usr/bin:/bin --with-sysdep-devurandom=yes --with-sysdep-grndinsecure=no --with-sysdep-posixspawnearlyreturn=no --with-sysdep-procselfexe=/proc/self/exe --with-sysdep-selectinfinite=yes"
  "execline 2.9.9.2 v2.9.9.2 --disable-pedantic-posix --enable-multicall"
  "s6 2.15.1.0 d73e65752c7f3785b09c26bb084b589be4e142af"
  "s6-rc 0.7.0.0 50f4e65aa2776e0916ad90130dcd28043154dfd5"
  "s6-linux-init 1.2.0.2 v1.2.0.2"
  "s6-portable-utils 2.3.1.2 v2.3.1.2 --enable-multicall"
  "s6-linux-utils 2.6.4.1 v2.6.4.1 --enable-multicall"
  "s6-overlay-helpers 0.1.2.2 v0.1.2.2"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/staging

unpack() { # NAME VERSION REF DEST: the sources of NAME into DEST, from an extracted tarball or a repository
  local name=$1 version=$2 ref=$3 dest=$4 owner=skarnet git
  case $name in s6-overlay*) owner=just-containers ;; esac
  if [ -d "$src/$name-$version" ]; then
    cp -a "$src/$name-$version" "$dest"
    return
  fi
  for git in "$src/$name" "$src/$name.git" "$src/$owner+$name/repo"; do
    if git --git-dir="$git/.git" rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then git=$git/.git
    elif ! git --git-dir="$git" rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then continue; fi
    mkdir -p "$dest"
    git --git-dir="$git" archive "$ref" | tar -x -C "$dest"
    return
  done
  echo "v3-reference.sh: no sources of $name $version in $src (neither $name-$version/ nor a repository holding $ref)" >&2
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
  read -r name pversion ref options <<<"$p"
  echo "v3-reference.sh: building $name $pversion ($ref)" >&2
  unpack "$name" "$pversion" "$ref" "$work/$name"
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
unpack s6-overlay "$version" "v$version" "$work/s6-overlay"
noarch=$work/s6-overlay/layout/rootfs-overlay
find "$noarch" -type f -name .empty -delete
find "$noarch" -depth -name '*@VERSION@*' | while read -r f; do mv -f "$f" "$(dirname "$f")/$(basename "$f" | sed "s/@VERSION@/$version/")"; done
find "$noarch" -type f -size +0c -print0 | xargs -0 sed -i -e "s|@SHEBANGDIR@|/command|g; s/@VERSION@/$version/g;" --
ln -s "s6-overlay-$version" "$noarch/package/admin/s6-overlay"
cp -a "$noarch/." "$out/"
chown -R 0:0 "$out" 2>/dev/null || true
chmod 04755 "$out/package/admin/s6-overlay-helpers/command/s6-overlay-suexec"
echo "v3-reference.sh: s6-overlay $version in $out" >&2
