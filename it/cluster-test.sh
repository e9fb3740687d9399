#!/usr/bin/env bash
# it/cluster-test.sh [LOCAL_OUT]: the thin jar on a real Spark standalone cluster.
#
# Starts a master and two workers (one core, 1.5 GB each) on 127.0.0.1 from the Spark jars the build
# resolved (no Spark distribution: SPARK_HOME is a folder of links to them), submits `pipeline` on
# sample-data through bin/netroi with --master spark://..., runs the same jar with local[*], and
# checks that every table is the same (io.netroi.testing.CompareTables). Also checks that the
# cluster's executors really ran on the workers. Stops the cluster whatever happens. LOCAL_OUT: an
# existing local[*] pipeline output of sample-data made with the same key (NETROI_TEST_KEY, default
# cluster-test), used instead of a second local run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/netroi-cluster.XXXXXX")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${NETROI_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.12
(cd "$ROOT" && mvn -B -q -DskipTests package test-compile >&2)
export NETROI_NO_BUILD=1
CP=$(cat "$ROOT/jobs/target/runtime-classpath.txt")
mkdir -p "$WORK/spark-home/jars"
IFS=: read -r -a JARS <<< "$CP"
for j in "${JARS[@]}"; do ln -sf "$j" "$WORK/spark-home/jars/"; done
export SPARK_HOME="$WORK/spark-home"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MASTER="spark://127.0.0.1:$PORT"
java -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$(free_port)" \
  > "$WORK/master.log" 2>&1 &
PIDS+=($!)
for i in 1 2; do
  java -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1536m \
    --webui-port "$(free_port)" --work-dir "$WORK/worker$i" "$MASTER" > "$WORK/worker$i.log" 2>&1 &
  PIDS+=($!)
done
registered() { local n; n=$(grep -c 'Registering worker' "$WORK/master.log" 2>/dev/null) || true; echo "${n:-0}"; }
for _ in $(seq 1 60); do
  [ "$(registered)" -ge 2 ] && break
  sleep 1
done
[ "$(registered)" -ge 2 ] || { cat "$WORK"/*.log >&2; echo "workers did not register" >&2; exit 1; }
echo "cluster: master $MASTER, 2 workers registered"

KEY=(--conf "netroi.key=${NETROI_TEST_KEY:-cluster-test}" --conf "netroi.identity.map=$WORK/identity-map")
LOCAL=${1:-}
NETROI_MASTER="$MASTER" NETROI_DRIVER_MEMORY=2g "$ROOT/bin/netroi" pipeline --input "$ROOT/sample-data" \
  --out "$WORK/cluster" "${KEY[@]}" --conf spark.executor.memory=1g --conf spark.cores.max=2 \
  > "$WORK/cluster-run.log" 2>&1 || { tail -60 "$WORK/cluster-run.log" >&2; exit 1; }
echo "cluster run: $(grep '^report:' "$WORK/cluster-run.log")"
executors=$(find "$WORK"/worker1 "$WORK"/worker2 -mindepth 2 -maxdepth 2 -type d 2>/dev/null | wc -l)
[ "$executors" -ge 2 ] || { echo "expected executors on both workers, found $executors" >&2; exit 1; }
echo "cluster run: $executors executors ran on the workers"
if [ -z "$LOCAL" ]; then
  LOCAL="$WORK/local"
  "$ROOT/bin/netroi" pipeline --input "$ROOT/sample-data" --out "$LOCAL" "${KEY[@]}" > "$WORK/local-run.log" 2>&1 \
    || { tail -60 "$WORK/local-run.log" >&2; exit 1; }
fi
java -Xmx2g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  -cp "$ROOT/jobs/target/test-classes:$ROOT/jobs/target/classes:$CP" io.netroi.testing.CompareTables \
  "$LOCAL" "$WORK/cluster" 2>/dev/null
