# Sourced by bench/run.sh and bench/run-dml.sh (from the repository root): sets JAR and builds the
# self-contained jar when it is missing or older than the sources.
JAR=target/onelake-jdbc-0.1.0-SNAPSHOT-all.jar
if [[ ! -f "$JAR" ]] || [[ -n "$(find pom.xml src/main -newer "$JAR" -type f -print -quit)" ]]; then
  echo "building $JAR ..."
  mvn -B -q -o -DskipTests package 2>/dev/null || mvn -B -q -DskipTests package
fi
