#!/usr/bin/env bash
# OCI data plane benchmark (called by bench/run.sh, or alone with RESULTS, CP and optionally STANDALONE_JAR set):
# skopeo push and pull of a ~200 MB image of several random-data layers, ours against Debian's docker-registry
# (distribution 2.8) on 127.0.0.1; our heap after GC before/after the push against the blob bytes.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
RESULTS="${RESULTS:?RESULTS must be set}"
JAVA="${JAVA:-java}"
LAYERS="${BENCH_OCI_LAYERS:-4}"
LAYER_MB="${BENCH_OCI_LAYER_MB:-50}"
ROUNDS="${BENCH_OCI_ROUNDS:-3}"
WORK="$RESULTS/oci-work"
LAYOUT="$RESULTS/oci-layout"
LAYOUT2="$RESULTS/oci-layout-2"
rm -f "$RESULTS/oci.jsonl" "$RESULTS/oci-skipped.txt"
mkdir -p "$WORK"
log() { printf '[bench-oci %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
skip() { echo "$*" > "$RESULTS/oci-skipped.txt"; log "skipped: $*"; exit 0; }
now_ns() { date +%s%N; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p="$1"; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_up() { local i; for i in $(seq 1 3000); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" != 000 ] && return 0; sleep 0.02; done; return 1; }

command -v skopeo >/dev/null || skip "skopeo is not installed"
if ! command -v docker-registry >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y docker-registry >/dev/null 2>&1 || true; fi
fi

# ---------------------------------------------------------------- the image: an OCI layout written by hand
sha() { sha256sum "$1" | cut -d' ' -f1; }
write_layout() { # write_layout <dir>: LAYERS layers of LAYER_MB MB of random data, unless already there
  local LAYOUT="$1" i d diff dg sz cd_ cs md ms layers_json diff_ids
  [ -f "$LAYOUT/index.json" ] && return 0
  log "writing a ${LAYERS}x${LAYER_MB} MB OCI layout (random data, gzip -1)"
  rm -rf "$LAYOUT"; mkdir -p "$LAYOUT/blobs/sha256"
  layers_json="" diff_ids=""
  for i in $(seq 1 "$LAYERS"); do
    d="$WORK/layer$i"; rm -rf "$d"; mkdir -p "$d"
    head -c "$((LAYER_MB * 1024 * 1024))" /dev/urandom > "$d/data-$i.bin"
    tar -C "$d" -cf "$WORK/layer$i.tar" "data-$i.bin"
    diff="$(sha "$WORK/layer$i.tar")"
    gzip -1 -c "$WORK/layer$i.tar" > "$WORK/layer$i.tar.gz"
    dg="$(sha "$WORK/layer$i.tar.gz")"; sz="$(stat -c %s "$WORK/layer$i.tar.gz")"
    mv "$WORK/layer$i.tar.gz" "$LAYOUT/blobs/sha256/$dg"
    rm -rf "$d" "$WORK/layer$i.tar"
    layers_json="$layers_json${layers_json:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$dg\",\"size\":$sz}"
    diff_ids="$diff_ids${diff_ids:+,}\"sha256:$diff\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/bin/true"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diff_ids" > "$WORK/config.json"
  cd_="$(sha "$WORK/config.json")"; cs="$(stat -c %s "$WORK/config.json")"; mv "$WORK/config.json" "$LAYOUT/blobs/sha256/$cd_"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$cd_" "$cs" "$layers_json" > "$WORK/manifest.json"
  md="$(sha "$WORK/manifest.json")"; ms="$(stat -c %s "$WORK/manifest.json")"; mv "$WORK/manifest.json" "$LAYOUT/blobs/sha256/$md"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
    "$md" "$ms" > "$LAYOUT/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$LAYOUT/oci-layout"
}
write_layout "$LAYOUT"
# A second image of the same shape and other bytes: pushed after the first into the same server ("warm": its JIT
# has compiled the upload path), where the first push measures a fresh JVM. Other bytes, so no blob is mounted.
write_layout "$LAYOUT2"
BLOB_BYTES="$(du -sb "$LAYOUT/blobs" | cut -f1)"
log "image: $BLOB_BYTES bytes of blobs"

# timed_copy <target> <op> <src> <dst> [skopeo flags...]: appends one JSON line
timed_copy() {
  local target="$1" op="$2" src="$3" dst="$4"; shift 4
  local t0 t1
  t0=$(now_ns)
  skopeo copy -q "$@" "$src" "$dst" > "$WORK/skopeo.log" 2>&1 || { cat "$WORK/skopeo.log" >&2; return 1; }
  t1=$(now_ns)
  echo "$(( (t1 - t0) / 1000000 ))"
}
record() { echo "{\"target\":\"$1\",\"op\":\"$2\",\"round\":$3,\"bytes\":$BLOB_BYTES,\"seconds\":$(awk -v ms="$4" 'BEGIN{printf "%.3f", ms/1000}')${5:-}}" >> "$RESULTS/oci.jsonl"; }

# ---------------------------------------------------------------- ours
# A fresh server per round: blobs are content-addressed, so a second push to the same server would only check them.
PORT="$(free_port 28571)"
start_ours() {
  if [ -n "${STANDALONE_JAR:-}" ]; then
    $JAVA -jar "$STANDALONE_JAR" --host 127.0.0.1 --port "$PORT" > "$RESULTS/ours-oci.log" 2>&1 &
  else
    $JAVA -cp "${CP:?CP must be set}" io.mcremulator.server.Main --host 127.0.0.1 --port "$PORT" > "$RESULTS/ours-oci.log" 2>&1 &
  fi
  OURS=$!; PIDS+=("$OURS")
  wait_up "http://127.0.0.1:$PORT/_emulator/health" || { log "our server did not start"; exit 1; }
}
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
TOKEN="${BENCH_TOKEN:-$(printf '{"alg":"HS256","typ":"JWT"}' | b64url).$(printf '{"tenant":"CUSTOMER.bench-oci","sub":"bench-user"}' | b64url).c2ln}"
AUTH="Authorization: Bearer $TOKEN"
heap_mib() { # used heap after a full GC, MiB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024; exit } }'
}
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# ours_rounds <target>: ROUNDS fresh servers; blobs in memory, or in files when MCR_BLOB_DIR is set.
ours_rounds() {
  local T="$1" r h0 h1 m0 m1 over ms
  for r in $(seq 1 "$ROUNDS"); do
    start_ours
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/")" = 404 ]; then
      kill "$OURS"; skip "this build has no OCI data plane (/v2/ answers 404): the oci branch is not merged yet"
    fi
    curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"name":"bench"}' "http://127.0.0.1:$PORT/v0/registries" >/dev/null
    CREDS_JSON="$(curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/v0/credentials")"
    CREDS="$(echo "$CREDS_JSON" | sed -E 's/.*"username":"([^"]*)".*"password":"([^"]*)".*/\1:\2/')"
    h0="$(heap_mib "$OURS")"; m0="$(rss_mib "$OURS")"
    ms="$(timed_copy "$T" push "oci:$LAYOUT:bench" "docker://127.0.0.1:$PORT/bench/app:1" --dest-tls-verify=false --dest-creds "$CREDS")"
    h1="$(heap_mib "$OURS")"; m1="$(rss_mib "$OURS")"
    over="$(awk -v a="$m0" -v b="$m1" -v bytes="$BLOB_BYTES" 'BEGIN{printf "%.1f%%", ((b - a) * 1048576 - bytes) * 100 / bytes}')"
    if [ -n "${MCR_BLOB_DIR:-}" ]; then over="(blobs in files)"; fi
    record "$T" push "$r" "$ms" ",\"heap_before_mib\":$h0,\"heap_after_mib\":$h1,\"rss_before_mib\":$m0,\"rss_after_mib\":$m1,\"memory_overhead\":\"$over\""
    rm -rf "$WORK/pull"
    ms="$(timed_copy "$T" pull "docker://127.0.0.1:$PORT/bench/app:1" "oci:$WORK/pull:bench" --src-tls-verify=false --src-creds "$CREDS")"
    record "$T" pull "$r" "$ms"
    ms="$(timed_copy "$T" push-warm "oci:$LAYOUT2:bench" "docker://127.0.0.1:$PORT/bench/app2:1" --dest-tls-verify=false --dest-creds "$CREDS")"
    record "$T" push-warm "$r" "$ms"
    rm -rf "$WORK/pull"
    ms="$(timed_copy "$T" pull-warm "docker://127.0.0.1:$PORT/bench/app2:1" "oci:$WORK/pull:bench" --src-tls-verify=false --src-creds "$CREDS")"
    record "$T" pull-warm "$r" "$ms"
    log "$T round $r: heap $h0 -> $h1 MiB, RSS $m0 -> $m1 MiB"
    kill "$OURS"; wait "$OURS" 2>/dev/null || true
    if [ -n "${MCR_BLOB_DIR:-}" ]; then rm -rf "${MCR_BLOB_DIR:?}"/*; fi
  done
}
ours_rounds ours
# The same server keeping blobs in files (--blob-dir), the storage docker-registry uses.
BLOB_DIR="$WORK/ours-blobs"; rm -rf "$BLOB_DIR"; mkdir -p "$BLOB_DIR"
MCR_BLOB_DIR="$BLOB_DIR" ours_rounds ours-disk
rm -rf "$BLOB_DIR"

# ---------------------------------------------------------------- docker-registry (distribution 2.8)
if ! command -v docker-registry >/dev/null; then
  echo "docker-registry is not installed (apt-get install docker-registry): peer not measured" >> "$RESULTS/oci-skipped.txt"
  exit 0
fi
DPORT="$(free_port 28671)"
STORE="$WORK/registry-storage"; rm -rf "$STORE"; mkdir -p "$STORE"
cat > "$WORK/registry.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $STORE
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$DPORT
EOF
docker-registry serve "$WORK/registry.yml" > "$RESULTS/docker-registry.log" 2>&1 &
DR=$!; PIDS+=("$DR")
wait_up "http://127.0.0.1:$DPORT/v2/" || { log "docker-registry did not start"; exit 1; }
kill "$DR"; wait "$DR" 2>/dev/null || true
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$STORE"; mkdir -p "$STORE"   # empty storage per round, as ours starts empty
  docker-registry serve "$WORK/registry.yml" > "$RESULTS/docker-registry.log" 2>&1 &
  DR=$!; PIDS+=("$DR")
  wait_up "http://127.0.0.1:$DPORT/v2/" || { log "docker-registry did not start"; exit 1; }
  ms="$(timed_copy docker-registry push "oci:$LAYOUT:bench" "docker://127.0.0.1:$DPORT/bench/app:1" --dest-tls-verify=false)"
  record docker-registry push "$r" "$ms" ",\"disk_bytes\":$(du -sb "$STORE" | cut -f1)"
  rm -rf "$WORK/pull"
  ms="$(timed_copy docker-registry pull "docker://127.0.0.1:$DPORT/bench/app:1" "oci:$WORK/pull:bench" --src-tls-verify=false)"
  record docker-registry pull "$r" "$ms"
  ms="$(timed_copy docker-registry push-warm "oci:$LAYOUT2:bench" "docker://127.0.0.1:$DPORT/bench/app2:1" --dest-tls-verify=false)"
  record docker-registry push-warm "$r" "$ms"
  rm -rf "$WORK/pull"
  ms="$(timed_copy docker-registry pull-warm "docker://127.0.0.1:$DPORT/bench/app2:1" "oci:$WORK/pull:bench" --src-tls-verify=false)"
  record docker-registry pull-warm "$r" "$ms"
  kill "$DR"; wait "$DR" 2>/dev/null || true
done
rm -rf "$WORK/pull" "$STORE"
log "done"
