#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: management API vs WireMock and Prism (wrk), scale, startup, OCI vs docker-registry.
# Usage: bench/run.sh [--quick] [--only core|api|profile|scale|startup|oci|container|report]...
# Everything talks to 127.0.0.1 only; every load run is bounded by wrk -d; started processes are stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
SPEC="${MCR_SHARED_DIR:-$ROOT/../shared}/spec/openapi/container-registry-0.1.0.openapi.yaml"
DURATION="${BENCH_DURATION:-7s}"       # measured wrk run per scenario
WARMUP="${BENCH_WARMUP:-3s}"           # unmeasured wrk run before it (JIT, connection pools)
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
# Free loopback ports, searched upwards from uncommon bases (another server on a port would be measured instead).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p="$1"; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
PORT_OURS="${BENCH_PORT_OURS:-$(free_port 28471)}"
PORT_WIREMOCK="${BENCH_PORT_WIREMOCK:-$(free_port $((PORT_OURS + 1)))}"
PORT_PRISM="${BENCH_PORT_PRISM:-$(free_port $((PORT_WIREMOCK + 1)))}"
SCALE_IMAGES="${BENCH_SCALE_IMAGES:-1000000}"
SCALE_REGISTRIES="${BENCH_SCALE_REGISTRIES:-100000}"
ROUNDS="${BENCH_ROUNDS:-7}"             # interleaved rounds of the startup part (at least 3)
API_ROUNDS="${BENCH_API_ROUNDS:-${BENCH_ROUNDS:-3}}"   # interleaved rounds of the api part (at least 3)
QUICK=0
ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; ROUNDS=3; API_ROUNDS=3; DURATION=2s; WARMUP=1s; SCALE_IMAGES=100000; SCALE_REGISTRIES=20000; export BENCH_SERVER_WARMUP=2s ;;
    --only) ONLY+=("$2"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$ROUNDS" -ge 3 ] && [ "$API_ROUNDS" -ge 3 ] || { echo "BENCH_ROUNDS and BENCH_API_ROUNDS must be at least 3 (paired ratios need a median)" >&2; exit 2; }
quick_warning() {
  [ "$QUICK" = 1 ] || return 0
  printf '\n%s\n%s\n%s\n\n' "!!! --quick: short runs, few rounds, a busy machine tolerated." \
    "!!! Its figures and RATIOS ARE NOT COMPARABLE with a full run or with each other: use them to check the harness only." \
    "!!! docs/benchmarks.md must be regenerated from a full run (no --quick) on a quiet machine." >&2
}
quick_warning
# API part: ours, ours-nojournal, wiremock and wiremock-nojournal run in interleaved rounds; before (ours at
# BENCH_BASELINE_REF) and prism run once, outside the rounds. Ours always runs.
TARGETS="${BENCH_TARGETS:-before ours ours-nojournal wiremock wiremock-nojournal prism}"
target() { case " $TARGETS " in *" $1 "*) return 0 ;; esac; return 1; }
want() { [ ${#ONLY[@]} -eq 0 ] && return 0; local x; for x in "${ONLY[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }

secs() { local d="$1"; case "$d" in *ms) echo 0 ;; *s) echo "${d%s}" ;; *m) echo $(( ${d%m} * 60 )) ;; *) echo "$d" ;; esac; }
# Expected duration of this run, from its parameters (the costs per part were timed on the 2-core machine of the
# lead's runs; a loaded machine takes longer): printed first, so a run that would not fit can be stopped at once.
expected_duration() {
  local d w sw per n=0 t total=0 part
  d=$(secs "$DURATION"); w=$(secs "$WARMUP"); sw=$(secs "${BENCH_SERVER_WARMUP:-8s}")
  for t in ours ours-nojournal wiremock wiremock-nojournal; do { [ "$t" = ours ] || target "$t"; } && n=$((n + 1)); done
  per=$(( 6 + sw + 4 * (w + d) ))                       # start and seed, server warm-up, four scenarios
  part=$(( API_ROUNDS * n * per + 2 * (w + d) + 20 ))   # the rounds, then ours at 100 and 100 000 registries once
  target before && part=$(( part + 30 + sw + 6 * (w + d) ))
  target prism && part=$(( part + 10 + sw + 4 * (w + d) ))
  [ "${BENCH_PROFILE:-1}" = 1 ] && part=$(( part + 6 * w + 10 ))
  want api && { total=$(( total + part )); log "expected: api ~$(( part / 60 )) min ($API_ROUNDS rounds x $n targets x ~${per}s, plus before/prism once)"; }
  want profile && ! want api && total=$(( total + 30 + sw + 6 * w ))
  want core && total=$(( total + 90 ))
  want scale && total=$(( total + 90 ))
  want startup && total=$(( total + ROUNDS * 15 ))
  want oci && total=$(( total + 300 ))
  want container && total=$(( total + 90 + ROUNDS * 15 ))
  log "expected duration of this run: ~$(( (total + 60) / 60 )) min (build included; more on a loaded machine)"
}

TENANT="bench-tenant"
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
TOKEN="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url).$(printf '{"tenant":"CUSTOMER.%s","sub":"bench-user","email":"bench@example.com"}' "$TENANT" | b64url).c2lnbmF0dXJl"
export BENCH_TOKEN="$TOKEN"

PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Waits (bounded: 60 s) until the URL answers with an HTTP status; prints the milliseconds waited since $2.
wait_http() {
  local url="$1" since="$2" i code
  for i in $(seq 1 6000); do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url" || true)"
    if [ "$code" != "000" ]; then echo $(( $(now_ms) - since )); return 0; fi
    sleep 0.01
  done
  log "timeout waiting for $url"; return 1
}
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# ---------------------------------------------------------------- tools and build
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk; then
  if [ "$(id -u)" = 0 ] && need apt-get; then apt-get install -y wrk >/dev/null; else echo "wrk is required (apt-get install wrk)" >&2; exit 1; fi
fi
mkdir -p "$RESULTS"
expected_duration
log "building bench module (core, server, bench)"
(cd "$ROOT" && ./mvnw -q -B ${BENCH_MVN_OFFLINE:+-o} -Pbench -pl bench -am package -DskipTests)
CP="$(cat "$BENCH/target/classes/../classpath.txt"):$BENCH/target/classes"
WIREMOCK_JAR="$BENCH/target/peers/wiremock-standalone.jar"
STANDALONE_JAR="$(ls "$ROOT"/server/target/*standalone*.jar 2>/dev/null | head -1 || true)"
JAVA="${JAVA:-java}"

machine_info() {
  {
    echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "mem_total=$(free -h | awk '/^Mem:/{print $2}')"
    echo "mem_available=$(free -h | awk '/^Mem:/{print $7}')"
    echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java=$($JAVA -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "wrk=$(wrk -v 2>&1 | head -1)"
    echo "node=$(node --version 2>/dev/null || echo none)"
    echo "kernel=$(uname -r)"
    echo "git=$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD || echo '+dirty')"
    echo "wrk_args=-t$THREADS -c$CONNECTIONS -d$DURATION (warm-up -d$WARMUP)"
  } > "$RESULTS/machine.txt"
  free -h > "$RESULTS/free.txt"
}
# a report-only call regenerates docs/benchmarks.md from the results of the last run: it keeps that run's machine facts
if [ ${#ONLY[@]} -ne 1 ] || [ "${ONLY[0]}" != report ]; then machine_info; fi

# ---------------------------------------------------------------- load runs
# run_wrk <target> <scenario> <url> [create-prefix]: warm-up then measured run; appends a JSON line to api.jsonl
# (with the round it belongs to: 0 for the targets measured once, outside the rounds).
# The server's CPU time (user + system, all threads) in ms, from /proc: CPU per request does not depend on
# how much of the machine other processes take, unlike req/s.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
SERVER_WARMUP="${BENCH_SERVER_WARMUP:-8s}"
ROUND=0
# "round":N, for the start-up lines of the api rounds (the startup part adds its own round to its lines).
round_key() { [ "$ROUND" -gt 0 ] && printf '"round":%d,' "$ROUND"; return 0; }
warm_server() { BENCH_MODE=get wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SERVER_WARMUP" -s "$BENCH/wrk/bench.lua" "$1" >/dev/null; }
run_wrk() {
  local target="$1" scenario="$2" url="$3" mode=get prefix="${4:-}"
  [ -n "$prefix" ] && mode=create
  BENCH_MODE=$mode BENCH_NAME_PREFIX="w$prefix$ROUND" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH/wrk/bench.lua" "$url" >/dev/null
  local line c0 c1 load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  c0=$(cpu_ms "$SERVER_PID")
  line="$(BENCH_MODE=$mode BENCH_NAME_PREFIX="m$prefix$ROUND" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH/wrk/bench.lua" "$url" | grep '^{"requests"')"
  c1=$(cpu_ms "$SERVER_PID")
  echo "{\"target\":\"$target\",\"scenario\":\"$scenario\",\"round\":$ROUND,\"server_cpu_ms\":$((c1 - c0)),\"loadavg\":\"$load\",${line#\{}" >> "$RESULTS/api.jsonl"
  log "$target $scenario (round $ROUND): $line"
}

start_ours() { # start_ours <name> [classpath] [server flags...]: starts the server, sets OURS_PID, appends startup to startup.jsonl
  local name="$1" cp="${2:-}" t0; t0=$(now_ms)
  shift; [ $# -gt 0 ] && shift
  if [ -n "$cp" ]; then
    $JAVA ${OURS_JAVA_OPTS:-} -cp "$cp" io.mcremulator.server.Main --host 127.0.0.1 --port "$PORT_OURS" "$@" > "$RESULTS/ours-$name.log" 2>&1 &
  elif [ -n "$STANDALONE_JAR" ]; then
    $JAVA ${OURS_JAVA_OPTS:-} -jar "$STANDALONE_JAR" --host 127.0.0.1 --port "$PORT_OURS" "$@" > "$RESULTS/ours-$name.log" 2>&1 &
  else
    $JAVA ${OURS_JAVA_OPTS:-} -cp "$CP" io.mcremulator.server.Main --host 127.0.0.1 --port "$PORT_OURS" "$@" > "$RESULTS/ours-$name.log" 2>&1 &
  fi
  OURS_PID=$!; SERVER_PID=$OURS_PID; PIDS+=("$OURS_PID")
  local ms; ms=$(wait_http "http://127.0.0.1:$PORT_OURS/_emulator/health" "$t0")
  kill -0 "$OURS_PID" 2>/dev/null || { log "our server exited (port $PORT_OURS taken?): see $RESULTS/ours-$name.log"; exit 1; }
  [ -n "$cp" ] && return 0
  local launcher="java -cp … Main"; [ -n "$STANDALONE_JAR" ] && launcher="java -jar standalone jar"
  echo "{\"target\":\"ours\",\"what\":\"process start to ready\",$(round_key)\"ms\":$ms,\"cpu_ms\":$(cpu_ms "$OURS_PID"),\"launcher\":\"$launcher\"}" >> "$RESULTS/startup.jsonl"
}

seed_ours() { # seed_ours <registries> <images>: reset, then POST /_emulator/seed; records the time
  local file="$RESULTS/seed-$1-$2.json"
  [ -f "$file" ] || $JAVA -cp "$CP" io.mcremulator.bench.SeedGen "$file" "$TENANT" "$1" "$2"
  curl -sf -X POST "http://127.0.0.1:$PORT_OURS/_emulator/reset" >/dev/null
  local t; t="$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' --data-binary @"$file" \
    "http://127.0.0.1:$PORT_OURS/_emulator/seed")"
  echo "{\"target\":\"${CUR_TARGET:-ours}\",\"round\":$ROUND,\"registries\":$1,\"images\":$2,\"bytes\":$(stat -c %s "$file"),\"seconds\":$t}" >> "$RESULTS/seed-http.jsonl"
  log "seeded $1 registries + $2 images over HTTP in ${t}s"
}

LAST_REG() { printf '00000000-0000-4000-8000-%012d' "$1"; }
REPO_ID="00000000-0000-4000-9000-000000000001"
GET_REG_ID="$(LAST_REG 2)"
Q_LIST="_limit=50&_sort=name:asc"
IMAGES_PATH="/v1/registries/$(LAST_REG 10000)/repositories/$REPO_ID/images?_limit=50"

# The server of BENCH_BASELINE_REF (default: the skeleton commit, before the performance work), compiled from
# `git archive` into a temp folder: the same scenarios on it give before/after figures in the same run.
baseline_cp() {
  local ref="${BENCH_BASELINE_REF:-ab4d628}" tmp="$RESULTS/baseline-build"
  rm -rf "$tmp"; mkdir -p "$tmp/classes"
  (cd "$ROOT" && git archive "$ref" core/src/main/java server/src/main/java | tar -x -C "$tmp") 2>/dev/null || return 1
  javac -nowarn -proc:none -cp "$CP" -d "$tmp/classes" $(find "$tmp/core" "$tmp/server" -name '*.java') 2>/dev/null || return 1
  [ -d "$tmp/server/src/main/resources" ] && cp -r "$tmp/server/src/main/resources/." "$tmp/classes/"
  echo "$tmp/classes:$(echo "$CP" | tr ':' '\n' | grep -v -e 'mcr-emulator-core' -e 'mcr-emulator-server' -e 'bench/target/classes' | paste -sd:):$BENCH/target/classes"
}

# The api part. Once, outside the rounds: the baseline ("before"), ours at 100 and 100 000 registries (list latency
# against the tenant's size; it also records the answers WireMock's stubs give back) and Prism. Then API_ROUNDS
# interleaved rounds of ours, ours with its journal off, WireMock with its journal on and off: a fresh process per
# target and round, each warmed the same way (SERVER_WARMUP of list loads, then WARMUP before every measured
# scenario), the order rotated by one each round so that no target always runs first or last; the load average is
# recorded per round, and the report pairs ours with WireMock within each round.
api_bench() {
  rm -f "$RESULTS/api.jsonl" "$RESULTS/api-rounds.jsonl" "$RESULTS/startup.jsonl" "$RESULTS/seed-http.jsonl"
  local base="http://127.0.0.1:$PORT_OURS"
  ROUND=0
  if target before; then
    local bcp
    if bcp="$(baseline_cp)"; then
      start_ours before "$bcp"
      CUR_TARGET=before
      ours_sizes before "$base"
      seed_ours 10000 10000
      api_scenarios before "$base" before
      stop_pid "$OURS_PID"
    else
      log "baseline ${BENCH_BASELINE_REF:-ab4d628} not buildable here: no before figures"
    fi
  fi
  start_ours sizes
  CUR_TARGET=ours
  ours_sizes ours "$base"
  seed_ours 10000 10000
  # Bodies for the WireMock stubs: byte for byte what we answer.
  mkdir -p "$RESULTS/wiremock/__files" "$RESULTS/wiremock/mappings"
  curl -sf -H "Authorization: Bearer $TOKEN" "$base/v0/registries?$Q_LIST" > "$RESULTS/wiremock/__files/list-registries.json"
  curl -sf -H "Authorization: Bearer $TOKEN" "$base/v0/registries/$GET_REG_ID" > "$RESULTS/wiremock/__files/get-registry.json"
  curl -sf -H "Authorization: Bearer $TOKEN" "$base$IMAGES_PATH" > "$RESULTS/wiremock/__files/list-images.json"
  curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"stub-body"}' \
    "$base/v0/registries" > "$RESULTS/wiremock/__files/create-registry.json"
  if [ "${BENCH_PROFILE:-1}" = 1 ]; then profile_ours "$base" "$IMAGES_PATH"; fi
  stop_pid "$OURS_PID"
  wiremock_mappings

  local order=() t round i n
  for t in ours ours-nojournal wiremock wiremock-nojournal; do
    { [ "$t" = ours ] || target "$t"; } || continue
    case "$t" in wiremock*) [ -f "$WIREMOCK_JAR" ] || continue ;; esac
    order+=("$t")
  done
  n=${#order[@]}
  for round in $(seq 1 "$API_ROUNDS"); do
    ROUND=$round
    local rotated=() load
    for i in $(seq 0 $((n - 1))); do rotated+=("${order[$(( (i + round - 1) % n ))]}"); done
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    log "api round $round/$API_ROUNDS: ${rotated[*]} (load average $load)"
    echo "{\"round\":$round,\"loadavg\":\"$load\",\"order\":\"${rotated[*]}\"}" >> "$RESULTS/api-rounds.jsonl"
    for t in "${rotated[@]}"; do round_target "$t"; done
  done
  ROUND=0
  if target prism; then prism_bench; fi
  quick_warning
}

# ours_sizes <target-name> <base>: list latency against the number of registries in the tenant (measured once).
ours_sizes() {
  local t="$1" base="$2" n
  for n in 100 100000; do
    seed_ours "$n" 0
    # A fresh JVM: a longer warm-up before its first measured scenario (the JIT needs it, most of all under load).
    [ "$n" = 100 ] && warm_server "$base/v0/registries?$Q_LIST"
    run_wrk "$t" "list-registries-$n" "$base/v0/registries?$Q_LIST"
  done
}

# round_target <target>: one target's turn in a round: a fresh process, its state, the warm-up, the four scenarios.
# Journals: ours keeps its default ring (10 000 entries, 4 KiB of each body) or none (--journal-capacity 0);
# WireMock gets the same bounds (--max-request-journal-entries 10000 --logged-response-body-size-limit 4096) or
# none (--no-request-journal).
round_target() {
  local t="$1"
  case "$t" in
    ours|ours-nojournal)
      if [ "$t" = ours ]; then start_ours "$t-$ROUND"; else start_ours "$t-$ROUND" "" --journal-capacity 0; fi
      sed -i "\$ s/\"target\":\"ours\"/\"target\":\"$t\"/" "$RESULTS/startup.jsonl"
      CUR_TARGET="$t"
      seed_ours 10000 10000
      peer_scenarios "$t" "http://127.0.0.1:$PORT_OURS" "$t"
      stop_pid "$OURS_PID" ;;
    wiremock|wiremock-nojournal)
      local wm t0 journal=(--max-request-journal-entries 10000 --logged-response-body-size-limit 4096)
      [ "$t" = wiremock-nojournal ] && journal=(--no-request-journal)
      t0=$(now_ms)
      $JAVA -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$PORT_WIREMOCK" --root-dir "$RESULTS/wiremock" \
        --disable-banner "${journal[@]}" > "$RESULTS/$t-$ROUND.log" 2>&1 &
      wm=$!
      peer_ready "$t" "$wm" "http://127.0.0.1:$PORT_WIREMOCK/__admin/health" "$t0"
      peer_scenarios "$t" "http://127.0.0.1:$PORT_WIREMOCK" "$t"
      stop_pid "$wm" ;;
  esac
}

# peer_ready <target> <pid> <url> <t0>: waits for a peer's URL, records its start-up (stops the bench if it died).
peer_ready() {
  local target="$1" pid="$2" url="$3" t0="$4" ms
  SERVER_PID=$pid; PIDS+=("$pid")
  ms=$(wait_http "$url" "$t0")
  kill -0 "$pid" 2>/dev/null || { log "$target exited: see $RESULTS/$target*.log"; exit 1; }
  echo "{\"target\":\"$target\",\"what\":\"process start to ready\",$(round_key)\"ms\":$ms,\"cpu_ms\":$(cpu_ms "$pid")}" >> "$RESULTS/startup.jsonl"
}

# peer_scenarios <target> <base> <create-prefix>: a fresh server's warm-up, then the measured scenarios.
peer_scenarios() {
  warm_server "$2/v0/registries?$Q_LIST"
  api_scenarios "$@"
}

# api_scenarios <target> <base> <create-prefix>: the four scenarios every target is measured in.
api_scenarios() {
  local target="$1" base="$2" prefix="$3"
  run_wrk "$target" list-registries-10000 "$base/v0/registries?$Q_LIST"
  run_wrk "$target" get-registry "$base/v0/registries/$GET_REG_ID"
  run_wrk "$target" list-images-10000 "$base$IMAGES_PATH"
  run_wrk "$target" create-registry "$base/v0/registries" "$prefix"
}

# WireMock: the same four answers as static stubs (auth header and create body checked as a stub author would).
wiremock_mappings() {
  cat > "$RESULTS/wiremock/mappings/mcr.json" <<EOF
{"mappings":[
 {"request":{"method":"GET","urlPath":"/v0/registries","queryParameters":{"_limit":{"equalTo":"50"},"_sort":{"equalTo":"name:asc"}},
   "headers":{"Authorization":{"matches":"Bearer .+"}}},
  "response":{"status":200,"headers":{"Content-Type":"application/json"},"bodyFileName":"list-registries.json"}},
 {"request":{"method":"GET","urlPath":"/v0/registries/$GET_REG_ID","headers":{"Authorization":{"matches":"Bearer .+"}}},
  "response":{"status":200,"headers":{"Content-Type":"application/json"},"bodyFileName":"get-registry.json"}},
 {"request":{"method":"GET","urlPath":"/v1/registries/$(LAST_REG 10000)/repositories/$REPO_ID/images","queryParameters":{"_limit":{"equalTo":"50"}},
   "headers":{"Authorization":{"matches":"Bearer .+"}}},
  "response":{"status":200,"headers":{"Content-Type":"application/json"},"bodyFileName":"list-images.json"}},
 {"request":{"method":"POST","urlPath":"/v0/registries","headers":{"Authorization":{"matches":"Bearer .+"}},
   "bodyPatterns":[{"matchesJsonPath":"\$.name"}]},
  "response":{"status":201,"headers":{"Content-Type":"application/json"},"bodyFileName":"create-registry.json"}}
]}
EOF
}

prism_bench() {
  local base t0
  # Prism: mocks the contract itself (static examples, request validation).
  if [ ! -x "$BENCH/peers/node_modules/.bin/prism" ]; then (cd "$BENCH/peers" && npm ci --no-audit --no-fund >/dev/null); fi
  t0=$(now_ms)
  "$BENCH/peers/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$PORT_PRISM" "$SPEC" > "$RESULTS/prism.log" 2>&1 &
  local pr=$!
  peer_ready prism "$pr" "http://127.0.0.1:$PORT_PRISM/v0/registries" "$t0"
  base="http://127.0.0.1:$PORT_PRISM"
  peer_scenarios prism "$base" pr
  # Prism's answers for the record (status lines), since a mock that errors would look fast.
  for p in "/v0/registries?$Q_LIST" "/v0/registries/$GET_REG_ID" "$IMAGES_PATH"; do
    echo "GET $p -> $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H "Authorization: Bearer $TOKEN" "$base$p")"
  done > "$RESULTS/prism-answers.txt"
  stop_pid "$pr"
}

# JFR profile of our server under the list and create loads (not part of the measured runs).
profile_ours() {
  local base="$1" images_path="$2" jfr_bin
  jfr_bin="$(ls /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr 2>/dev/null || command -v jfr || true)"
  [ -n "$jfr_bin" ] || return 0
  jcmd "$OURS_PID" JFR.start name=bench settings=profile filename="$RESULTS/ours-profile.jfr" >/dev/null
  BENCH_MODE=get wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH/wrk/bench.lua" "$base/v0/registries?$Q_LIST" >/dev/null
  BENCH_MODE=get wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH/wrk/bench.lua" "$base$images_path" >/dev/null
  BENCH_MODE=create BENCH_NAME_PREFIX=prof wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH/wrk/bench.lua" "$base/v0/registries" >/dev/null
  jcmd "$OURS_PID" JFR.stop name=bench >/dev/null
  "$jfr_bin" view --width 160 hot-methods "$RESULTS/ours-profile.jfr" > "$RESULTS/ours-hot-methods.txt" 2>&1 || true
  "$jfr_bin" view --width 160 allocation-by-class "$RESULTS/ours-profile.jfr" > "$RESULTS/ours-allocation.txt" 2>&1 || true
  # Where the samples of each load go (Jetty / Javalin / our code): one recording per scenario, stacks kept whole.
  local name url mode
  for name in get-registry list-images create-registry; do
    mode=get
    case "$name" in
      get-registry) url="$base/v0/registries/$GET_REG_ID" ;;
      list-images) url="$base$images_path" ;;
      create-registry) url="$base/v0/registries"; mode=create ;;
    esac
    jcmd "$OURS_PID" JFR.start name="split-$name" settings=profile filename="$RESULTS/ours-split-$name.jfr" >/dev/null
    BENCH_MODE=$mode BENCH_NAME_PREFIX="split$name" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH/wrk/bench.lua" "$url" >/dev/null
    jcmd "$OURS_PID" JFR.stop name="split-$name" >/dev/null
    "$jfr_bin" print --events jdk.ExecutionSample --stack-depth 256 "$RESULTS/ours-split-$name.jfr" > "$RESULTS/ours-samples-$name.txt" 2>&1 || true
    rm -f "$RESULTS/ours-split-$name.jfr"
  done
}

# --only profile: the profiles alone, on a freshly seeded server (the api part records them too).
profile_bench() {
  local base="http://127.0.0.1:$PORT_OURS"
  start_ours profile
  sed -i '$ d' "$RESULTS/startup.jsonl"   # this launch is not one of the measured start-ups
  seed_ours 10000 10000
  sed -i '$ d' "$RESULTS/seed-http.jsonl"   # nor is this seeding one of the measured ones
  warm_server "$base/v0/registries?$Q_LIST"
  profile_ours "$base" "$IMAGES_PATH"
  stop_pid "$OURS_PID"
}

# ---------------------------------------------------------------- scale (in-process, core API)
scale_bench() {
  log "scale: $SCALE_REGISTRIES registries, $SCALE_IMAGES images (in-process)"
  $JAVA -Xms4g -Xmx8g -cp "$CP" io.mcremulator.bench.ScaleBench "$SCALE_REGISTRIES" "$SCALE_IMAGES" > "$RESULTS/scale.json"
  cat "$RESULTS/scale.json" >&2
}

# ---------------------------------------------------------------- startup
# Interleaved rounds: each round starts ours in-process, WireMock in-process (the peer a JUnit user would start
# instead) and ours standalone, in that order, each in a fresh JVM, so a load change hits every target alike; the
# load average is recorded per round and ratios are paired within a round. Every in-process start also logs the
# classes it loads (-Xlog:class+load): the class count to the first answer does not depend on machine load.
startup_bench() {
  rm -f "$RESULTS/startup-inprocess.jsonl"
  local round load target cl wm_cp="$CP"
  [ -f "$WIREMOCK_JAR" ] && wm_cp="$CP:$WIREMOCK_JAR"
  for round in $(seq 1 "$ROUNDS"); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    log "startup round $round/$ROUNDS (load average $load)"
    for target in ours wiremock floor; do
      [ "$target" = wiremock ] && [ ! -f "$WIREMOCK_JAR" ] && continue
      cl="$RESULTS/classload-$target-$round.log"
      $JAVA -Xlog:class+load:file="$cl" -Dbench.classLog="$cl" -cp "$([ "$target" = wiremock ] && echo "$wm_cp" || echo "$CP")" \
        io.mcremulator.bench.StartupBench "$TOKEN" "$target" 2>/dev/null | grep '^{' \
        | sed "s/^{/{\"round\":$round,\"loadavg\":$load,/" >> "$RESULTS/startup-inprocess.jsonl"
      rm -f "$cl"
    done
    start_ours "startup-$round"; stop_pid "$OURS_PID"
    sed -i "\$ s/^{/{\"part\":\"startup\",\"round\":$round,\"loadavg\":$load,/" "$RESULTS/startup.jsonl"
  done
  quick_warning
}

# ---------------------------------------------------------------- core list/get paths, before and after
# ListBench uses only the core's public API: it runs on this build and on the core of BENCH_BASELINE_REF
# (default: the skeleton commit, before the performance work), compiled from `git archive` into a temp folder.
core_bench() {
  local ref="${BENCH_BASELINE_REF:-ab4d628}" tmp
  rm -f "$RESULTS/core.jsonl"
  tmp="$(mktemp -d)"
  if (cd "$ROOT" && git archive "$ref" core/src/main/java | tar -x -C "$tmp") 2>/dev/null; then
    mkdir -p "$tmp/classes"
    javac -nowarn -d "$tmp/classes" $(find "$tmp/core/src/main/java" -name '*.java') 2>/dev/null
    local base_cp; base_cp="$tmp/classes:$(echo "$CP" | tr ':' '\n' | grep -v 'mcr-emulator-core' | paste -sd:)"
    log "core list paths: baseline $ref"
    $JAVA -Xmx4g -cp "$base_cp" io.mcremulator.bench.ListBench "before ($ref)" >> "$RESULTS/core.jsonl"
  else
    log "baseline $ref not in this clone: core figures for this build only"
  fi
  rm -rf "$tmp"
  log "core list paths: this build"
  $JAVA -Xmx4g -cp "$CP" io.mcremulator.bench.ListBench "this build" >> "$RESULTS/core.jsonl"
}

if want core; then core_bench; fi
if want api; then api_bench; fi
if want profile && ! want api; then profile_bench; fi
if want scale; then scale_bench; fi
if want startup; then startup_bench; fi
if want oci; then
  if [ -x "$BENCH/oci.sh" ]; then RESULTS="$RESULTS" CP="$CP" STANDALONE_JAR="$STANDALONE_JAR" "$BENCH/oci.sh" || log "oci bench failed (see $RESULTS/oci.log)"; fi
fi
if want container; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    log "container: docker run to answering, interleaved with WireMock's image and the standalone jar ($ROUNDS runs each)"
    MCR_BENCH_TAG="${MCR_BENCH_TAG:-bench}" "$BENCH/container-startup.sh" "$ROUNDS" > "$RESULTS/container.md" || log "container bench failed"
  else
    rm -f "$RESULTS/container.md"; log "container: skipped (no Docker engine)"
  fi
fi
if want report || [ ${#ONLY[@]} -eq 0 ]; then
  $JAVA -cp "$CP" io.mcremulator.bench.Report "$RESULTS" "$ROOT/docs/benchmarks.md" "$BENCH/notes.md"
  log "wrote docs/benchmarks.md"
  if [ "$QUICK" = 1 ]; then log "--quick: docs/benchmarks.md now holds figures that are NOT comparable: do not commit it"; fi
fi
quick_warning
