#!/usr/bin/env bash
# Cost of --data-dir: the standalone jar in memory, with a data dir flushed every second (the default), and with a
# write-through data dir (--flush-interval 0); in each, registry creates and /v2 image pushes for SECONDS_EACH
# seconds (bench/persistence/PersistenceBench.java). Prints a Markdown table (docs/benchmarks.md, "Persistence").
#   ./mvnw -B -pl server -am package -DskipTests && bench/persistence.sh
# Env: SECONDS_EACH (10), CREATE_THREADS (8), PUSH_THREADS (4), LAYER_KB (256), DATA_PARENT (a temp dir; the data
# dirs go there: put it on the disk you want to measure), STANDALONE_JAR.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${STANDALONE_JAR:-$(ls "$ROOT"/server/target/mcr-emulator-server-*-standalone.jar | head -1)}"
PARENT="${DATA_PARENT:-$(mktemp -d)}"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

run_mode() { # run_mode <label> [flags...]
  local label="$1"; shift
  local out="$PARENT/$label.out"
  java -jar "$JAR" --port 0 --host 127.0.0.1 "$@" >"$out" 2>"$PARENT/$label.err" &
  PID=$!
  local base=""
  for _ in $(seq 1 600); do
    base=$(grep -o 'ready on http://[^ ]*' "$out" 2>/dev/null | cut -d' ' -f3 || true)
    [ -n "$base" ] && break
    sleep 0.1
  done
  [ -n "$base" ] || { echo "no ready line for $label" >&2; cat "$PARENT/$label.err" >&2; exit 1; }
  java "$ROOT/bench/persistence/PersistenceBench.java" "$base" "$label"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

echo "| mode | creates/s | create p50 / p99 ms | pushes/s | push p50 / p99 ms |"
echo "|---|---|---|---|---|"
run_mode "in memory"
run_mode "data dir, flush every 1 s" --data-dir "$PARENT/interval"
run_mode "data dir, write-through" --data-dir "$PARENT/write-through" --flush-interval 0
rm -rf "$PARENT/interval" "$PARENT/write-through"
