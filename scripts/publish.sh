#!/usr/bin/env bash
# Builds out/overlay/ (the tree exactly as the tarball extracts onto /) and out/execline-cs-x86_64.tar.gz.
# The self-contained runtime lives in usr/lib/execline-cs; every command name in usr/bin is a relative
# link to the one multi-call binary, so the tree also runs in place.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pkg=usr/lib/execline-cs

mkdir -p out
dotnet publish src/Multicall -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:DebugType=none -o out/publish >out/publish.log 2>&1 \
  || { cat out/publish.log; exit 1; }

rm -rf out/overlay
mkdir -p "out/overlay/$pkg" out/overlay/usr/bin
# createdump and the LTTng trace provider are diagnostics an init never needs.
(cd out/publish && find . -maxdepth 1 -type f ! -name createdump ! -name libcoreclrtraceptprovider.so \
  -exec cp -a {} "$root/out/overlay/$pkg/" \;)
for name in execline $("out/overlay/$pkg/execline" --list); do
  ln -s "../lib/execline-cs/execline" "out/overlay/usr/bin/$name"
done
# Stage scripts and helpers written in execline, laid out as installed.
[ -d scripts/rootfs ] && cp -a scripts/rootfs/. out/overlay/
tar -C out/overlay --owner=0 --group=0 -czf out/execline-cs-x86_64.tar.gz .
echo "out/overlay: $(du -sh out/overlay | cut -f1) installed, out/execline-cs-x86_64.tar.gz: $(du -h out/execline-cs-x86_64.tar.gz | cut -f1)"
