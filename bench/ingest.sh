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
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

echo "dataset: $MEMBERS members, $MESSAGES messages, $RUNS runs, $(nproc) cores"
read -r gen_s gen_kb < <(measure "$ROOT/bin/netroi" generate --out "$WORK/in" --members "$MEMBERS" --messages "$MESSAGES" --seed 11)
echo "baseline generate: ${gen_s}s, peak $((gen_kb / 1024)) MiB, $(du -sh "$WORK/in" | cut -f1) written"
echo "generate $gen_s" >> "$WORK/medians"
# each run starts from an empty output folder
time_runs ingest "$RUNS" "$MESSAGES" bash -c 'rm -rf "$1" && exec "$2" ingest --input "$3" --out "$1" --conf netroi.key=bench' \
  _ "$WORK/out" "$ROOT/bin/netroi" "$WORK/in"
ratios_to generate
