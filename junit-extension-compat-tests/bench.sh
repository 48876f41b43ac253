#!/usr/bin/env bash
# Start-up benchmark: mcr-emulator's JUnit extension (shaded jar) beside WireMock's, fresh JVM per run.
# Usage (from the project root): junit-extension-compat-tests/bench.sh [rounds]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl junit-extension,junit-extension-compat-tests -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="junit-extension-compat-tests/target/test-classes:$(cat junit-extension-compat-tests/target/bench.classpath)"
exec java -cp "$cp" io.mcremulator.junit.compat.bench.StartupBenchmark "${1:-5}"
