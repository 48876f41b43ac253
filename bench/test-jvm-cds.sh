#!/usr/bin/env bash
# AppCDS for the test JVM (docs/junit.md, "AppCDS for the test JVM"): runs the recipe on a user's project
# (bench/test-jvm-cds/: two @McrEmulatorTest classes and a plain one, on the shaded extension jar) and measures it
# against the same project without it, interleaved, in the forked test JVM itself: ms from the process start to
# the first successful request of the first emulator test, process CPU ms until then, and process CPU ms of the
# whole run. Also prints how many of the classes the test JVM loaded came from the archive.
#
#   bench/test-jvm-cds.sh [rounds] [JAVA_HOME of the test JVM]   (default 5 rounds; the JDK Maven runs on)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
jhome=${2:-}
jar=$(ls junit-extension/target/mcr-emulator-junit-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests -e original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -pl junit-extension -am package -DskipTests
  jar=$(ls junit-extension/target/mcr-emulator-junit-*.jar | grep -v -e sources -e javadoc -e tests -e original | head -1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r bench/test-jvm-cds/. "$work"
cp -r mvnw .mvn "$work"
mkdir -p "$work/lib"
cp "$jar" "$work/lib/mcr-emulator-junit.jar"
cd "$work"
jvm=()
if [ -n "$jhome" ]; then jvm=(-Djvm="$jhome/bin/java" -Dtest.cds.java="$jhome/bin/java"); fi

# Record: one test run writes the class list, then -Xshare:dump maps those classes into target/test-jvm.jsa.
./mvnw -q -B -Ptest-cds-record test "${jvm[@]}" -Dtiming.out="$work/record.txt" >"$work/record.log" 2>&1 \
  || { cat "$work/record.log"; exit 1; }
[ -s target/test-jvm.jsa ] || { echo "no archive written" >&2; cat "$work/record.log"; exit 1; }
# Used? The class-load log says where each class came from.
./mvnw -o -q -B -Ptest-cds test "${jvm[@]}" \
  "-Dtest.cds.flags=-XX:SharedArchiveFile=$work/target/test-jvm.jsa -Xlog:class+load:file=$work/classes.log" >/dev/null
shared=$(grep -c 'shared objects file' "$work/classes.log" || true)
all=$(grep -c 'source:' "$work/classes.log" || true)

for i in $(seq 1 "$rounds"); do
  echo "round $i/$rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  ./mvnw -o -q -B -f pom-plain.xml test "${jvm[@]}" -Dtiming.out="$work/plain.txt" >/dev/null
  ./mvnw -o -q -B -Ptest-cds test "${jvm[@]}" -Dtiming.out="$work/cds.txt" >/dev/null
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
col() { awk -v c="$2" '{print $c}' "$1"; }
row() {
  printf '| %s | %s ms (%s) | %s ms (%s) | %s ms (%s) |\n' "$1" \
    "$(col "$2" 1 | median)" "$(col "$2" 1 | paste -sd' ')" \
    "$(col "$2" 2 | median)" "$(col "$2" 2 | paste -sd' ')" \
    "$(col "$2" 3 | median)" "$(col "$2" 3 | paste -sd' ')"
}
java_version=$("${jhome:+$jhome/bin/}java" -version 2>&1 | head -1)
echo "Test JVM: $java_version; $rounds rounds, interleaved; $(nproc) cores; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Classes the test JVM loaded from the archive: $shared of $all"
echo
echo "| test JVM | process start to first answer, median (all) | process CPU to first answer | process CPU, whole run |"
echo "| --- | --- | --- | --- |"
row "surefire as configured by default" "$work/plain.txt"
row "with the AppCDS recipe (-Ptest-cds)" "$work/cds.txt"
