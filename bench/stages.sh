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
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

echo "dataset: $MEMBERS members, $MESSAGES messages x $COPIES copies, $RUNS runs, $(nproc) cores"
base_dataset "$MEMBERS" "$MESSAGES"
replicate "$COPIES"
time_runs floor "$RUNS" "$INTERACTIONS" "${BENCH_JAVA[@]}" floor "$WORK/big"
for stage in relationships cohorts; do
  time_runs "$stage" "$RUNS" "$INTERACTIONS" "$ROOT/bin/netroi" "$stage" --out "$WORK/big" --conf netroi.key=bench
done
ratios_to floor
