#!/usr/bin/env bash
# Container benchmark of docs/benchmarks.md ("Docker image: size and start-to-healthy"): image size, and the time
# from `docker run` to the first 200 of the health endpoint polled from the host, side by side in one run with
# WireMock standalone 3.13.2 (from Maven Central) packaged on the same jlinked base image; plus the standalone
# `java -jar` start-to-ready time on the host JDK.
#
#   bench/container-startup.sh [runs]      (default 7 runs each, interleaved; needs docker, curl, a JDK 17)
#
# Env: MCR_BENCH_TAG (default bench): the tag of the images it builds, so parallel checkouts do not share them;
#      JAVA25_HOME (default: a JDK 25 under /usr/lib/jvm, if any) for the JDK 25 rows of the standalone jar.
#
# Prints a Markdown table. Only localhost ports are used; every container it starts is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
tag=${MCR_BENCH_TAG:-bench}
work=$(mktemp -d)
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

jar=$(ls server/target/mcr-emulator-server-*-standalone.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -pl server -am package -DskipTests
  jar=$(ls server/target/mcr-emulator-server-*-standalone.jar | head -1)
fi

# 1. Images. The product image on the project's base; then, for the side-by-side, one base that can run both
#    (WireMock needs java.desktop, java.compiler and java.scripting, which the emulator's base leaves out).
bash .ci/build-jre-base-image.sh >/dev/null
docker build -q -t mcr-emulator:$tag --build-arg BASE_IMAGE=mcr-emulator-jre:local . >/dev/null 2>&1
MCR_JRE_IMAGE=mcr-emulator-jre:$tag-union MCR_JRE_EXTRA_MODULES=java.compiler,java.desktop,java.scripting \
  bash .ci/build-jre-base-image.sh >/dev/null
docker build -q -t mcr-emulator:$tag-union --build-arg BASE_IMAGE=mcr-emulator-jre:$tag-union . >/dev/null 2>&1

./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$work/wiremock" >/dev/null
cat >"$work/wiremock/Dockerfile" <<DOCKERFILE
FROM mcr-emulator-jre:$tag-union
COPY wiremock-standalone-3.13.2.jar /app/wiremock.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/wiremock.jar", "--port", "8080", "--disable-banner"]
DOCKERFILE
docker build -q -t wiremock-standalone:$tag "$work/wiremock" >/dev/null 2>&1

size() { docker image inspect -f '{{.Size}}' "$1" | awk '{printf "%.1f MB", $1/1000000}'; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# time_container PATH DOCKER-RUN-ARGS...: starts a container and prints the milliseconds until PATH answers 200
# on the mapped port.
time_container() {
  local path=$1; shift
  local t0 cid port path_key=${JVM_KEY:-none}
  t0=$(now_ms)
  cid=$(docker run -d -p 127.0.0.1::8080 "$@")
  containers+=("$cid")
  port=$(docker port "$cid" 8080/tcp | head -1 | sed 's/.*://')
  until curl -fs -o /dev/null "http://127.0.0.1:$port$path"; do
    if [ $(( $(now_ms) - t0 )) -gt 60000 ]; then echo "timeout" >&2; docker logs "$cid" >&2; docker rm -f "$cid" >/dev/null; return 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - t0 ))
  # The emulator's own "ready ... in N ms" (process start to listening), to tell the JVM's part from Docker's.
  if [ "$path_key" != none ]; then
    local ready="" tries=0
    while [ -z "$ready" ] && [ $tries -lt 100 ]; do   # the line follows the first 200 by a few ms at most
      ready=$(docker logs "$cid" 2>/dev/null | sed -n 's/^mcr-emulator ready on .* in \([0-9]*\) ms (CPU \([0-9]*\) ms)$/\1 \2/p')
      tries=$((tries + 1)); [ -n "$ready" ] || sleep 0.02
    done
    echo "${ready% *}" >>"$work/jvm-ready-$path_key"
    echo "${ready#* }" >>"$work/jvm-cpu-$path_key"
  fi
  docker rm -f "$cid" >/dev/null
}

# The standalone jar on a host JDK: from exec to the first 200 of /_emulator/health (a free port each time), and
# the emulator's own "ready in N ms (CPU M ms)" line. time_jar KEY JAVA [JVM flags...]
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
time_jar() {
  local key=$1 java=$2; shift 2
  local port t0 pid out=$work/jar-$key.out
  port=$(free_port)
  t0=$(now_ms)
  "$java" "$@" -jar "$jar" --port "$port" --host 127.0.0.1 >"$out" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/_emulator/health"; do
    if [ $(( $(now_ms) - t0 )) -gt 60000 ]; then echo "timeout" >&2; cat "$out" >&2; kill "$pid"; return 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - t0 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local ready
  ready=$(sed -n 's/^mcr-emulator ready on .* in \([0-9]*\) ms (CPU \([0-9]*\) ms)$/\1 \2/p' "$out")
  echo "${ready% *}" >>"$work/jvm-ready-$key"
  echo "${ready#* }" >>"$work/jvm-cpu-$key"
}

# The JVMs of the standalone rows: the host's JDK 17 and, if there is one, a JDK 25 (JDK 19+: AutoCreateSharedArchive).
java17=java
java25=${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
[ -n "$java25" ] && [ -x "$java25/bin/java" ] && java25=$java25/bin/java || java25=""
# The documented standalone recipe (docs/docker.md "Standalone jar"): a dynamic archive from the training run on
# JDK 17; on JDK 25 the first start with -XX:+AutoCreateSharedArchive writes it, later starts map it.
"$java17" -XX:ArchiveClassesAtExit="$work/jar17.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$jar" cds-training >/dev/null 2>&1
fast_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
if [ -n "$java25" ]; then
  time_jar warmup25 "$java25" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/jar25.jsa" "${fast_flags[@]}" >/dev/null
fi

# docker run's own cost: a container that exits at once (the JVM printing its version), to the end of `docker run`.
time_docker_floor() {
  local t0
  t0=$(now_ms)
  docker run --rm --entrypoint java mcr-emulator:$tag -version >/dev/null 2>&1
  echo $(( $(now_ms) - t0 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

declare -A samples
for i in $(seq 1 "$runs"); do
  samples[mcr]+="$(JVM_KEY=mcr time_container /_emulator/health mcr-emulator:$tag) "
  samples[mcr_nocds]+="$(JVM_KEY=mcr_nocds time_container /_emulator/health --entrypoint java mcr-emulator:$tag \
    -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -jar /app/mcr-emulator.jar) "
  samples[mcr_union]+="$(time_container /_emulator/health mcr-emulator:$tag-union) "
  samples[wiremock]+="$(time_container /__admin/health wiremock-standalone:$tag) "
  samples[jar]+="$(time_jar jar "$java17") "
  samples[jar_cds]+="$(time_jar jar_cds "$java17" -XX:SharedArchiveFile="$work/jar17.jsa" -Xlog:cds=off) "
  samples[jar_cds_fast]+="$(time_jar jar_cds_fast "$java17" -XX:SharedArchiveFile="$work/jar17.jsa" -Xlog:cds=off "${fast_flags[@]}") "
  if [ -n "$java25" ]; then
    samples[jar25]+="$(time_jar jar25 "$java25") "
    samples[jar25_auto]+="$(time_jar jar25_auto "$java25" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/jar25.jsa" "${fast_flags[@]}") "
  fi
  samples[floor]+="$(time_docker_floor) "
done

row() { local s=${samples[$2]}; printf '| %s | %s | %s ms | %s |\n' "$1" "$3" "$(echo $s | tr ' ' '\n' | median)" "$s"; }
echo "Runs: $runs each, interleaved; $(nproc) cores; load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $(docker version --format 'docker {{.Server.Version}}')"
echo
echo "| what | image size | start-to-healthy (median) | all runs (ms) |"
echo "| --- | --- | --- | --- |"
row "mcr-emulator image (jlinked base, AppCDS)" mcr "$(size mcr-emulator:$tag)"
row "mcr-emulator image, AppCDS archive not used" mcr_nocds "$(size mcr-emulator:$tag)"
row "mcr-emulator on the union base (same base as WireMock)" mcr_union "$(size mcr-emulator:$tag-union)"
row "WireMock standalone 3.13.2 on the union base" wiremock "$(size wiremock-standalone:$tag)"
row "mcr-emulator \`java -jar\` on the host JDK 17 (no Docker)" jar "-"
row "  the same with its AppCDS archive (-XX:SharedArchiveFile, from cds-training)" jar_cds "-"
row "  the same with AppCDS, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData" jar_cds_fast "-"
if [ -n "$java25" ]; then
  row "mcr-emulator \`java -jar\` on JDK 25 (no Docker)" jar25 "-"
  row "  the same with -XX:+AutoCreateSharedArchive and the three flags above" jar25_auto "-"
fi
row "floor: \`docker run --rm\` of \`java -version\` to exit" floor "-"
for k in mcr mcr_nocds jar jar_cds jar_cds_fast jar25 jar25_auto; do
  if [ -s "$work/jvm-ready-$k" ]; then samples[jvm_$k]=$(tr '\n' ' ' <"$work/jvm-ready-$k"); fi
  if [ -s "$work/jvm-cpu-$k" ]; then samples[cpu_$k]=$(tr '\n' ' ' <"$work/jvm-cpu-$k"); fi
done
row "  of which: emulator process created (by runc) to ready, from its log, AppCDS" jvm_mcr "-"
row "  of which: emulator process created (by runc) to ready, from its log, no AppCDS" jvm_mcr_nocds "-"
row "  CPU time of the emulator's process until ready, AppCDS" cpu_mcr "-"
row "  CPU time of the emulator's process until ready, no AppCDS" cpu_mcr_nocds "-"
for k in jar jar_cds jar_cds_fast jar25 jar25_auto; do
  if [ -n "${samples[jvm_$k]:-}" ]; then row "  \`java -jar\` $k: process start to ready, from its log" "jvm_$k" "-"; fi
  if [ -n "${samples[cpu_$k]:-}" ]; then row "  \`java -jar\` $k: CPU time until ready" "cpu_$k" "-"; fi
done
echo
echo "Base images: mcr-emulator-jre:local $(size mcr-emulator-jre:local), mcr-emulator-jre:$tag-union $(size mcr-emulator-jre:$tag-union)"
