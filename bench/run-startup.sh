#!/usr/bin/env bash
# The ONE command of the start-up benchmark (see bench/README.md):
#   bench/run-startup.sh          # 7 fresh JVMs per scenario, median milliseconds
#   bench/run-startup.sh 11       # another number of runs
#   JAVA_OPTS='-Dbench.scenarios=default,no-warmup' bench/run-startup.sh
# It builds the self-contained jar when it is missing or older than the sources, compiles
# bench/StartupBenchmark.java into target/bench-startup-classes (the children must not pay for the
# source launcher's compilation) and keeps the output in target/bench-startup-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jar.sh
source bench/jar.sh
CLASSES=target/bench-startup-classes
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" -cp "$JAR" bench/StartupBenchmark.java
# shellcheck disable=SC2086
java -Xmx1g ${JAVA_OPTS:-} -cp "$JAR:$CLASSES" StartupBenchmark "$@" 2>&1 \
  | grep --line-buffered -v '^SLF4J(W)' | tee target/bench-startup-results.txt
