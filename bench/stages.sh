#!/usr/bin/env bash
# bench/stages.sh [MEMBERS] [MESSAGES] [COPIES] [RUNS]: time the relationships and cohorts stages.
#
# Generates MEMBERS members / MESSAGES messages (seed 11), ingests them once, then writes COPIES
# disjoint copies of the ingest tables (ReplicateTables: every id suffixed per copy, so the stages
# see COPIES x the rows with the same shapes), and runs `relationships` and `cohorts` RUNS times on
# them through bin/netroi (launcher default memory). Prints per run and as medians: wall seconds,
# peak resident memory, interaction rows per second. Same-run baseline ("floor"): Spark reading the
# replicated interactions and counting rows per member x contact, the least a relationship stage
# must do. Compare only within one run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MEMBERS=${1:-100}
MESSAGES=${2:-100000}
COPIES=${3:-10}
RUNS=${4:-3}
WORK=${NETROI_BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/netroi-stages.XXXXXX")}
[ -n "${NETROI_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }

measure() { # command...: prints "seconds peak_kb"
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/out.log" 2>&1 || { tail -50 "$WORK/out.log" >&2; exit 1; }
  cat "$log"
}
(cd "$ROOT" && mvn -B -q -DskipTests package test-compile >&2)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
BENCH_JAVA=(java -Xmx4g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  -cp "$ROOT/jobs/target/test-classes:$ROOT/jobs/target/classes:$(cat "$ROOT/jobs/target/runtime-classpath.txt")"
  io.netroi.bench.ReplicateTables)

echo "dataset: $MEMBERS members, $MESSAGES messages x $COPIES copies, $RUNS runs, $(nproc) cores"
if [ ! -d "$WORK/base/tables/interactions" ]; then
  "$ROOT/bin/netroi" generate --out "$WORK/in" --members "$MEMBERS" --messages "$MESSAGES" --seed 11 > /dev/null 2>&1
  read -r s kb < <(measure "$ROOT/bin/netroi" ingest --input "$WORK/in" --out "$WORK/base" --conf netroi.key=bench)
  echo "ingest (once, not part of the figures): ${s}s, peak $((kb / 1024)) MiB"
fi
rm -rf "$WORK/big"
"${BENCH_JAVA[@]}" replicate "$WORK/base" "$WORK/big" "$COPIES" 2>/dev/null | tee "$WORK/replicate.log" | sed 's/^/replicated /'
INTERACTIONS=$(awk '$1=="interactions:"{print $2}' "$WORK/replicate.log")
for stage in floor relationships cohorts; do
  : > "$WORK/runs"
  for i in $(seq 1 "$RUNS"); do
    if [ "$stage" = floor ]; then
      read -r s kb < <(measure "${BENCH_JAVA[@]}" floor "$WORK/big")
    else
      read -r s kb < <(measure "$ROOT/bin/netroi" "$stage" --out "$WORK/big" --conf netroi.key=bench)
    fi
    echo "run $i: $stage ${s}s, peak $((kb / 1024)) MiB"
    echo "$s $kb" >> "$WORK/runs"
  done
  med_s=$(cut -d' ' -f1 "$WORK/runs" | median)
  med_kb=$(cut -d' ' -f2 "$WORK/runs" | median)
  echo "median $stage: ${med_s}s, peak $(awk "BEGIN{printf \"%d\", $med_kb/1024}") MiB, $(awk "BEGIN{printf \"%d\", $INTERACTIONS/$med_s}") interaction rows/s"
  echo "$stage $med_s" >> "$WORK/medians"
done
floor_s=$(awk '$1=="floor"{print $2}' "$WORK/medians")
awk -v f="$floor_s" '$1!="floor"{printf "%s / floor: %.1fx\n", $1, $2/f}' "$WORK/medians"
