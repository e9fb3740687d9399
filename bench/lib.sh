#!/usr/bin/env bash
# Shared by the bench/*.sh scripts (sourced, not run): a work folder, timing with GNU time,
# medians, the bench helper class, and a generated + ingested base dataset made once per folder.
# Expects ROOT to be set by the caller.
WORK=${NETROI_BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/netroi-bench.XXXXXX")}
mkdir -p "$WORK"
[ -n "${NETROI_BENCH_DIR:-}" ] || trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }

measure() { # command...: prints "seconds peak_kb"
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/out.log" 2>&1 || { tail -50 "$WORK/out.log" >&2; exit 1; }
  cat "$log"
}
measure_rc() { # command...: prints "seconds peak_kb exit_code"; the command's output stays in $WORK/out.log
  local log="$WORK/time.log" rc=0
  /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/out.log" 2>&1 || rc=$?
  echo "$(tail -1 "$log") $rc"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

(cd "$ROOT" && mvn -B -q -DskipTests package test-compile >&2)
export NETROI_NO_BUILD=1 # the jar just built is the one measured, whatever is edited meanwhile
BENCH_JAVA=(java -Xmx4g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  -cp "$ROOT/jobs/target/test-classes:$ROOT/jobs/target/classes:$(cat "$ROOT/jobs/target/runtime-classpath.txt")"
  io.netroi.bench.ReplicateTables)
# the DuckDB peer (docs/benchmark.md): its driver is a test-scope dependency; its SQL is copied now, so
# that, like the jar, what is measured is what was there at the start
rm -rf "$WORK/peer-sql" && cp -r "$ROOT/bench/peer" "$WORK/peer-sql"
PEER_JAVA=(java -Xmx2g -cp "$ROOT/jobs/target/test-classes:$ROOT/jobs/target/classes:$(cat "$ROOT/jobs/target/test-classpath.txt")"
  io.netroi.bench.DuckDbPeer --sql "$WORK/peer-sql" --spill "$WORK/duckdb-spill" --key bench)

base_dataset() { # MEMBERS MESSAGES: generate (seed 11) and ingest into $WORK/base, once per folder
  if [ ! -d "$WORK/base/tables/interactions" ]; then
    "$ROOT/bin/netroi" generate --out "$WORK/in" --members "$1" --messages "$2" --seed 11 > /dev/null 2>&1
    read -r s kb < <(measure "$ROOT/bin/netroi" ingest --input "$WORK/in" --out "$WORK/base" --conf netroi.key=bench)
    echo "ingest (once, not part of the figures): ${s}s, peak $((kb / 1024)) MiB"
  fi
}

replicate() { # COPIES [OUTCOME_COPIES]: $WORK/base -> $WORK/big; sets INTERACTIONS and OUTCOMES
  rm -rf "$WORK/big"
  "${BENCH_JAVA[@]}" replicate "$WORK/base" "$WORK/big" "$@" 2>/dev/null | tee "$WORK/replicate.log" | sed 's/^/replicated /'
  INTERACTIONS=$(awk '$1=="interactions:"{print $2}' "$WORK/replicate.log")
  OUTCOMES=$(awk '$1=="outcomes:"{print $2}' "$WORK/replicate.log")
}

time_runs() { # LABEL RUNS ROWS command...: each run's and the median wall time and peak memory
  local label=$1 runs=$2 rows=$3 s kb
  shift 3
  : > "$WORK/runs"
  for i in $(seq 1 "$runs"); do
    read -r s kb < <(measure "$@")
    echo "run $i: $label ${s}s, peak $((kb / 1024)) MiB"
    echo "$s $kb" >> "$WORK/runs"
  done
  local med_s med_kb
  med_s=$(cut -d' ' -f1 "$WORK/runs" | median)
  med_kb=$(cut -d' ' -f2 "$WORK/runs" | median)
  echo "median $label: ${med_s}s, peak $(awk "BEGIN{printf \"%d\", $med_kb/1024}") MiB, $(awk "BEGIN{printf \"%d\", $rows/$med_s}") rows/s"
  echo "$label $med_s" >> "$WORK/medians"
}

ratios_to() { # FLOOR_LABEL: every other median over the floor's
  local floor_s
  floor_s=$(awk -v l="$1" '$1==l{print $2}' "$WORK/medians")
  awk -v f="$floor_s" -v l="$1" '$1!=l{printf "%s / %s: %.1fx\n", $1, l, $2/f}' "$WORK/medians"
}
