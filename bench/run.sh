#!/usr/bin/env bash
# Runs the benchmarks and writes their figures into BENCHMARKS.md (see README, Benchmarks).
#   bench/run.sh                 every part, full settings
#   bench/run.sh --quick         a fast check; figures go to target/bench/BENCHMARKS-quick.md
#   bench/run.sh jmh             only the named part(s)
# MVN_FLAGS is passed to Maven, e.g. MVN_FLAGS=-o for an offline build.
set -euo pipefail
cd "$(dirname "$0")/.."

# One Maven call: compile main, tests and bench/ (profile bench), build the jar (the scale and
# startup parts run it as a process), and write the test class path.
mvn ${MVN_FLAGS:-} -q -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

# JMH forks its benchmark JVMs with this JVM's class path, so it must be the full one.
exec java -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.vtmsync.bench.BenchMain "$@"
