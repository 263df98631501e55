#!/usr/bin/env bash
# Builds the one multi-call program, and the admin tool execline-cs (usr/bin/execline-cs), twice from the
# same publish:
#   out/local/    runs here, on this machine's glibc (tests, bench and the demo use it in place);
#   out/overlay/  the tree exactly as out/execline-cs-x86_64.tar.gz extracts onto /, for any x86_64 image.
# The program is compiled ahead of time (src/Publish.props): one native executable that needs only libc and
# libm. An image may have no libc (busybox-static), musl (Alpine) or another glibc, so the overlay carries
# the glibc loader and those libraries in usr/lib/execline-cs/lib, and the executable is patched to use them
# by absolute path: nothing of the image's own libc is ever loaded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pkg=usr/lib/execline-cs
installed=/$pkg
command -v patchelf >/dev/null || { echo "publish.sh: patchelf is needed (apt-get install patchelf)" >&2; exit 1; }

mkdir -p out
rm -rf out/publish
dotnet publish src/Multicall -c Release -r linux-x64 -p:DebugType=none -o out/publish >out/publish.log 2>&1 \
  || { cat out/publish.log; exit 1; }
# The admin tool (execline-cs check/status/health) is a program of its own beside it.
dotnet publish src/Admin -c Release -r linux-x64 -p:DebugType=none -o out/publish >>out/publish.log 2>&1 \
  || { cat out/publish.log; exit 1; }

program_into() { mkdir -p "$1/$pkg" "$1/usr/bin" && cp -a out/publish/execline "$1/$pkg/"; }
names=$(out/publish/execline --list)

rm -rf out/local out/overlay
program_into out/local
for name in execline $names; do ln -s "../lib/execline-cs/execline" "out/local/usr/bin/$name"; done
cp -a out/publish/execline-cs out/local/usr/bin/

program_into out/overlay
lib=out/overlay/$pkg/lib
mkdir -p "$lib"
# Every shared library the program needs, as this machine's loader resolves them, copied under its soname;
# the loader itself under its PT_INTERP name.
# Both programs of ours (the multi-call one and the admin tool) go through bundle.
bundle() {
  ldd "$1" \
    | awk -v ours="$root/" 'index($3, ours) == 1 { next } $2 == "=>" && $3 ~ /^\// { print $1, $3 }
                            $1 ~ /^\/.*ld-linux/ { print $1, $1 }' | sort -u \
    | while read -r soname path; do cp -L "$path" "$lib/$(basename "$soname")"; done
  local loader
  loader=$(basename "$(patchelf --print-interpreter "$1")")
  [ -f "$lib/$loader" ] || { echo "publish.sh: the loader $loader was not found by ldd" >&2; exit 1; }
  # DT_RPATH (not RUNPATH) so it also governs what libc dlopens later (NSS), ahead of LD_LIBRARY_PATH.
  patchelf --set-interpreter "$installed/lib/$loader" --force-rpath --set-rpath "$installed/lib" "$1"
}
bundle "out/overlay/$pkg/execline"
cp -a out/publish/execline-cs out/overlay/usr/bin/
bundle out/overlay/usr/bin/execline-cs

# Every command is a hard link to the program, in both /usr/bin and /bin (v2 images call /bin/execlineb and
# /usr/bin/execlineb): a regular executable file as s6-overlay ships them (build-time checks of images test
# that), one inode, no space of its own.
# s6-overlay v3 images find them in /command (its arch tarball puts every skaware name there and images
# call /command/execlineb, /command/s6-svc...): hard links there too.
mkdir -p out/overlay/bin out/overlay/command
for name in execline $names; do
  ln "out/overlay/$pkg/execline" "out/overlay/usr/bin/$name"
  ln "out/overlay/$pkg/execline" "out/overlay/bin/$name"
  ln "out/overlay/$pkg/execline" "out/overlay/command/$name"
done
# Stage scripts and helpers written in execline, laid out as installed, in place of a command link of the
# same path (removed first: cp would write into the program through it). A helper in usr/bin keeps no link
# of its name in bin/: on a usrmerged image the two would land on one path.
if [ -d scripts/rootfs ]; then
  (cd scripts/rootfs && find . ! -type d) | while read -r file; do
    rm -f "out/overlay/$file"
    case $file in ./usr/bin/*) rm -f "out/overlay/bin/${file##*/}" ;; esac
  done
  cp -a scripts/rootfs/. out/overlay/
fi
# The empty directories of the layout (git keeps no empty directory): the stage-2 envdir must exist, and
# the user directories are there to fill, as s6-overlay ships them.
mkdir -p out/overlay/etc/s6/init/env-stage2 out/overlay/etc/{fix-attrs.d,cont-init.d,cont-finish.d,services.d}

# s6-overlay v3's layout beside v2's (every command is in /command already): /command's helper scripts
# as links into the package, as v3's noarch tarball has them, the package's version-less link, and the
# user's service tree and two user bundles, empty.
v3=package/admin/s6-overlay-3.2.3.2
for helper in out/overlay/$v3/command/*; do
  [ -e "$helper" ] || continue
  rm -f "out/overlay/command/${helper##*/}"
  ln -s "../package/admin/s6-overlay/command/${helper##*/}" "out/overlay/command/${helper##*/}"
done
ln -s s6-overlay-3.2.3.2 out/overlay/package/admin/s6-overlay
mkdir -p out/overlay/etc/s6-overlay/s6-rc.d out/overlay/etc/s6-overlay/user-bundles.d/{user,user2}/contents.d
# The skaware packages' own directories, where some images call a command by its package's path
# (/package/admin/s6/command/s6-svc): hard links to the program for each command it provides.
provided=" $(echo $names) "
grep -v '^#' scripts/skaware-packages | while read -r package commands; do
  mkdir -p "out/overlay/package/admin/$package/command"
  ln -s "$package" "out/overlay/package/admin/${package%-[0-9]*}"
  for name in $commands; do
    case $provided in *" $name "*) ln "out/overlay/$pkg/execline" "out/overlay/package/admin/$package/command/$name" ;; esac
  done
done

# The tarball holds no entry for a directory every image already has: an entry for bin/ would replace an
# image's /bin -> usr/bin link with a real directory (GNU tar, docker ADD), and one for ./ or usr/ would
# reset their owners and modes. Files below them extract through whatever the image has there.
# The program comes first, so that it is the one member with the data and every command a hard link entry
# naming it. Where /bin is a link to usr/bin, bin/NAME and usr/bin/NAME land on one path: the second is a
# link to the file already there (GNU tar sees the same inode and keeps it; busybox tar and podman replace it).
shared_dirs='^\.(/bin|/sbin|/lib|/lib64|/usr|/usr/bin|/usr/sbin|/usr/lib|/usr/libexec|/etc|/var|/var/run|/run)?$'
program="./$pkg/execline"
{ echo "./$pkg"; echo "$program"; (cd out/overlay && find . | grep -Ev "$shared_dirs" | grep -vxF -e "./$pkg" -e "$program" | LC_ALL=C sort); } >out/overlay.list
# gzip -9: a few tens of KiB less than tar's default level, read back as fast.
tar -C out/overlay --owner=0 --group=0 --numeric-owner --no-recursion -T out/overlay.list -cf - \
  | gzip -9 >out/execline-cs-x86_64.tar.gz
echo "out/overlay: $(du -sh out/overlay | cut -f1) installed, out/execline-cs-x86_64.tar.gz: $(du -h out/execline-cs-x86_64.tar.gz | cut -f1)"
