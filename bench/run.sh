#!/usr/bin/env bash
# bench/run.sh [SIZES] [RUNS]: the whole pipeline at several sizes, per stage.
#
# For each size (messages; default "1000000 3000000 10000000") the generator writes a dataset
# (seed 11, one member per 10,000 messages, at least 10, no sample quirks) once. Then `pipeline`
# runs RUNS times (default 3) through bin/netroi with the launcher's default memory. Printed per
# stage: the median wall time, messages per second and the peak resident memory of the JVM while
# the stage ran (sampled every 0.2 s); then how the time per message grows with size (1.0 =
# linear), and the same-run floor: Spark reading the same messages CSV files and counting rows.
# After each pipeline run the DuckDB peer (docs/benchmark.md) does the same core work in SQL on the
# same input files and checks that both produce the same numbers; the summary gives the ratios
# pipeline / floor and pipeline / DuckDB, and the script exits 1 when any parity check failed.
# The datasets use --url-vintages-only (every export row carries the contact's profile URL), so
# the peer's identity is the normalised URL. NETROI_BENCH_DIR keeps the datasets between invocations.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
SIZES=${1:-"1000000 3000000 10000000"}
RUNS=${2:-3}
export NETROI_LOG4J="$ROOT/bench/log4j2-bench.properties" # millisecond timestamps for the stage boundaries

dataset() { # MESSAGES: $WORK/in-MESSAGES (generated once), $WORK/flat-MESSAGES (its messages files, unzipped)
  # and $WORK/exports-MESSAGES (every member's export files unzipped, for the peer); none of it is timed
  local n=$1 members
  members=$(( n / 10000 > 10 ? n / 10000 : 10 ))
  if [ ! -f "$WORK/in-$n/roster.csv" ]; then
    "$ROOT/bin/netroi" generate --out "$WORK/in-$n" --members "$members" --messages "$n" --seed 11 --no-quirks \
      --url-vintages-only | sed 's/^/  /'
  fi
  if [ ! -d "$WORK/flat-$n" ]; then
    "${BENCH_JAVA[@]}" flatten-messages "$WORK/in-$n" "$WORK/flat-$n" 2>/dev/null | sed 's/^/  /'
  fi
  if [ ! -d "$WORK/exports-$n" ]; then
    "${BENCH_JAVA[@]}" flatten-exports "$WORK/in-$n" "$WORK/exports-$n" 2>/dev/null | sed 's/^/  /'
  fi
}

peer_run() { # MESSAGES RUN: the DuckDB peer on the same inputs, checked against this run's tables;
  # appends "size run wall_seconds compute_seconds peak_kb exit_code" to $WORK/peers
  local n=$1 run=$2 s kb rc compute
  read -r s kb rc < <(measure_rc "${PEER_JAVA[@]}" "$WORK/in-$n" "$WORK/exports-$n" "$WORK/out-$n")
  compute=$(awk '$1=="peer:" && $2=="computed"{print $4}' "$WORK/out.log")
  echo "  run $run: DuckDB peer ${s}s (computing ${compute:-?}s), peak $((kb / 1024)) MiB"
  grep -v '^peer: \|^check: ' "$WORK/out.log" | sed 's/^/    /' | head -40
  [ "$rc" = 0 ] || echo "  run $run: PARITY FAILED (exit $rc)"
  echo "$n $run $s ${compute:-0} $kb $rc" >> "$WORK/peers"
}

pipeline_run() { # MESSAGES RUN: one pipeline with an RSS sampler; appends "size run stage seconds peak_kb" to $WORK/stages
  local n=$1 run=$2 out="$WORK/out-$1" pid
  rm -rf "$out"
  "$ROOT/bin/netroi" pipeline --input "$WORK/in-$n" --out "$out" --conf netroi.key=bench \
    --conf "netroi.identity.map=$WORK/identity-map" > "$WORK/pipeline.log" 2>&1 &
  pid=$!
  : > "$WORK/rss"
  while kill -0 "$pid" 2>/dev/null; do
    echo "$(date +%s%3N) $(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)" >> "$WORK/rss"
    sleep 0.2
  done
  wait "$pid" || { tail -40 "$WORK/pipeline.log" >&2; exit 1; }
  python3 "$ROOT/bench/stages.py" "$WORK/pipeline.log" "$WORK/rss" "$n" "$run" >> "$WORK/stages"
}

: > "$WORK/stages"
: > "$WORK/floors"
: > "$WORK/peers"
for n in $SIZES; do
  echo "== $n messages"
  dataset "$n"
  for run in $(seq 1 "$RUNS"); do
    pipeline_run "$n" "$run"
    awk -v n="$n" -v r="$run" '$1==n && $2==r {printf "  run %s: %s %.1fs, peak %d MiB\n", r, $3, $4, $5/1024}' "$WORK/stages"
    peer_run "$n" "$run"
    read -r s kb < <(measure "${BENCH_JAVA[@]}" csv-floor "$WORK/flat-$n")
    echo "  run $run: floor (Spark reads the messages CSVs and counts) ${s}s"
    echo "$n $run $s" >> "$WORK/floors"
  done
done
python3 "$ROOT/bench/stages.py" --summary "$WORK/stages" "$WORK/floors" "$WORK/peers"
if awk '$6 != 0 {bad=1} END {exit !bad}' "$WORK/peers"; then
  echo "parity: the DuckDB peer and the pipeline disagree (see the runs above)" >&2
  exit 1
fi
