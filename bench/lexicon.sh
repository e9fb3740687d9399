#!/usr/bin/env bash
# bench/lexicon.sh [VERSION] [PASSES]: cost of the cue lexicons per message on the dev texts,
# shipped pattern vs the naive alternation (same-run baseline), medians over PASSES passes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -B -q -DskipTests package test-compile >&2
exec java -cp "jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/runtime-classpath.txt)" \
  io.netroi.ingest.text.LexiconBenchmark "${1:-v2}" "${2:-7}"
