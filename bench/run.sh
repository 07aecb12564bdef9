#!/usr/bin/env bash
# The ONE command of the write benchmark (see bench/README.md):
#   bench/run.sh                 # 1M and 10M rows, -Xmx1g
#   bench/run.sh 100000          # other row counts
#   HEAP=2g bench/run.sh         # another fixed heap
#   JAVA_OPTS='-Dbench.jfr=insert-select' bench/run.sh 1000000   # profile one phase with JFR
# It builds the self-contained jar when it is missing or older than the sources, then runs
# bench/WriteBenchmark.java with Java's source launcher; the output is also kept in
# target/bench-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/jar.sh
source bench/jar.sh
if [[ $# -eq 0 ]]; then
  set -- 1000000 10000000
fi
mkdir -p target
# shellcheck disable=SC2086
java -Xmx"${HEAP:-1g}" ${JAVA_OPTS:-} -cp "$JAR" bench/WriteBenchmark.java "$@" 2>&1 \
  | grep --line-buffered -v '^SLF4J(W)' | tee target/bench-results.txt
