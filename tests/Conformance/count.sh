#!/usr/bin/env bash
# The number of cases in each file of Cases/ and in all, counted as the suite counts them (a case starts at
# a line "## NAME"; each is one test of its file's class). scripts/test.sh prints this before its run.
set -eu
cd "$(dirname "$0")/Cases"
total=0
for f in *.cases; do
  n=$(grep -c '^## ' "$f" || true)
  printf '%6d  %s\n' "$n" "$f"
  total=$((total + n))
done
printf '%6d  cases in all\n' "$total"
