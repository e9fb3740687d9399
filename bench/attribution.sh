#!/usr/bin/env bash
# bench/attribution.sh [MEMBERS] [MESSAGES] [COPIES] [OUTCOME_COPIES] [RUNS]: time the attribution stage.
#
# Generates MEMBERS members / MESSAGES messages (seed 11), ingests them once, writes COPIES
# disjoint copies of the ingest tables with every outcome repeated OUTCOME_COPIES times (same
# contact and close date, new id: the generator plants about 4 outcomes per 1,000 messages, fewer
# than a 10M-message / 100k-outcome workload), then runs `attribution` RUNS times through
# bin/netroi (launcher default memory). Prints per run and as medians: wall seconds, peak resident
# memory, outcomes per second. Same-run baseline ("floor"): Spark reading the outcomes and the
# interactions and counting the interaction rows of each outcome's contact, the join any
# attribution must make. Compare only within one run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MEMBERS=${1:-100}
MESSAGES=${2:-100000}
COPIES=${3:-10}
OUTCOME_COPIES=${4:-3}
RUNS=${5:-3}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

echo "dataset: $MEMBERS members, $MESSAGES messages x $COPIES copies, outcomes x $OUTCOME_COPIES, $RUNS runs, $(nproc) cores"
base_dataset "$MEMBERS" "$MESSAGES"
replicate "$COPIES" "$OUTCOME_COPIES"
time_runs floor "$RUNS" "$OUTCOMES" "${BENCH_JAVA[@]}" attribution-floor "$WORK/big"
time_runs attribution "$RUNS" "$OUTCOMES" "$ROOT/bin/netroi" attribution --out "$WORK/big" --conf netroi.key=bench
ratios_to floor
