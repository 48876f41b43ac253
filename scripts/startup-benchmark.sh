#!/usr/bin/env bash
# Measures standalone startup: wall time from process launch to the "mcr-emulator ready on ..." line,
# and the CPU time the process used until then.
# Usage: scripts/startup-benchmark.sh [runs]   (from the project root, after building the server module)
# Uses the standalone jar when it exists, else the server classes plus their dependency classpath.
set -euo pipefail
runs="${1:-5}"
jar=$(ls server/target/mcr-emulator-server-*-standalone.jar 2>/dev/null | head -1 || true)
if [[ -n "$jar" ]]; then
  cmd=(java -jar "$jar" --port 0 --host 127.0.0.1)
else
  ./mvnw -q -o -pl server dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/startup-cp.txt >/dev/null
  cmd=(java -cp "server/target/classes:core/target/classes:client/target/classes:$(cat server/target/startup-cp.txt)" io.mcremulator.server.Main --port 0 --host 127.0.0.1)
fi
echo "command: ${cmd[0]} ${cmd[1]} ... ${cmd[*]: -5}" >&2
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  coproc EMU { exec "${cmd[@]}" 2>/dev/null; }
  while IFS= read -r line <&"${EMU[0]}"; do
    if [[ "$line" == *"mcr-emulator ready on"* ]]; then
      end=$(date +%s%N)
      # CPU time the JVM used until ready (user + system, clock ticks of 1/100 s): less sensitive to machine load.
      read -r -a st < "/proc/$EMU_PID/stat"
      echo "run $i: $(( (end - start) / 1000000 )) ms wall, $(( (st[13] + st[14]) * 10 )) ms CPU"
      break
    fi
  done
  kill -TERM "$EMU_PID"; wait "$EMU_PID" || true
done
