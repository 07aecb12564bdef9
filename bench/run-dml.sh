#!/usr/bin/env bash
# The ONE command of the row-level DML benchmark (see bench/README.md):
#   bench/run-dml.sh                 # 1M and 10M rows, -Xmx1g
#   bench/run-dml.sh 1000000         # other row counts
#   HEAP=2g bench/run-dml.sh         # another fixed heap
#   JAVA_OPTS='-Dbench.jfr=merge-100k' bench/run-dml.sh 1000000   # profile one phase with JFR
# It builds the self-contained jar when it is missing or older than the sources, compiles
# bench/DmlBenchmark.java together with bench/WriteBenchmark.java (rows, raw Parquet reader/writer and
# helpers are shared) into target/bench-classes, and runs it; the output is also kept in
# target/bench-dml-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jar.sh
source bench/jar.sh
if [[ $# -eq 0 ]]; then
  set -- 1000000 10000000
fi
CLASSES=target/bench-classes
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" -cp "$JAR" bench/WriteBenchmark.java bench/DmlBenchmark.java
# shellcheck disable=SC2086
java -Xmx"${HEAP:-1g}" ${JAVA_OPTS:-} -cp "$JAR:$CLASSES" DmlBenchmark "$@" 2>&1 \
  | grep --line-buffered -v '^SLF4J(W)' | tee target/bench-dml-results.txt
