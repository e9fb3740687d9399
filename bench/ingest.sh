#!/usr/bin/env bash
# bench/ingest.sh [MEMBERS] [MESSAGES] [RUNS]: time `ingest` on generated data.
#
# Generates MEMBERS members / MESSAGES messages (seed 11) once, then runs ingest RUNS times and
# prints per run and as medians: wall seconds, peak resident memory, messages per second. The
# baseline in the same run is the generator writing the same files (a lower bound of I/O work).
# Figures from different machines or loads are not comparable; compare within one run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MEMBERS=${1:-200}
MESSAGES=${2:-200000}
RUNS=${3:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/netroi-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }

measure() { # label, command...: prints "seconds peak_kb"
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/out.log" 2>&1 || { cat "$WORK/out.log" >&2; exit 1; }
  cat "$log"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$ROOT/bin/netroi" --version >/dev/null 2>&1 # build once, outside the timings
echo "dataset: $MEMBERS members, $MESSAGES messages, $RUNS runs, $(nproc) cores"
read -r gen_s gen_kb < <(measure "$ROOT/bin/netroi" generate --out "$WORK/in" --members "$MEMBERS" --messages "$MESSAGES" --seed 11)
echo "baseline generate: ${gen_s}s, peak $((gen_kb / 1024)) MiB, $(du -sh "$WORK/in" | cut -f1) written"
: > "$WORK/runs"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/out"
  read -r s kb < <(measure "$ROOT/bin/netroi" ingest --input "$WORK/in" --out "$WORK/out" --conf netroi.key=bench)
  echo "run $i: ingest ${s}s, peak $((kb / 1024)) MiB"
  echo "$s $kb" >> "$WORK/runs"
done
med_s=$(cut -d' ' -f1 "$WORK/runs" | median)
med_kb=$(cut -d' ' -f2 "$WORK/runs" | median)
echo "median ingest: ${med_s}s, peak $(awk "BEGIN{printf \"%d\", $med_kb/1024}") MiB, $(awk "BEGIN{printf \"%d\", $MESSAGES/$med_s}") messages/s, $(awk "BEGIN{printf \"%.1f\", $med_s/$gen_s}")x the generator"
