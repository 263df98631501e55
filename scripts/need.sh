#!/usr/bin/env bash
# need.sh PACKAGE...: installs with apt-get the Debian packages of the list that are not installed yet.
set -uo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
  || { echo "need.sh: cannot install ${missing[*]}" >&2; exit 1; }
