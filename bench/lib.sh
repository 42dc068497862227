#!/usr/bin/env bash
# What every benchmark script does around its driver: find JDK 25, build Usher, start it on a fresh embedded
# PostgreSQL with the bench settings, wait for it, stop it on exit. Sourced by bench/*.sh (from the repository root).
#
#   bench_start <default port> <default PostgreSQL port> [extra Usher arguments...]
#       sets JAVA, JAR, PG_JAR, WORK, PORT, PG_PORT, USHER, BASE, JDBC; USHER_BENCH_PORT / USHER_BENCH_PG_PORT
#       override the ports, USHER_BENCH_SKIP_BUILD=1 reuses target/usher-*.jar, USHER_BENCH_ARGS adds arguments
#       (for experiments), USHER_BENCH_JFR=<file.jfr> records the server with Flight Recorder.
#   bench_driver <driver source> <class path> [driver arguments...]
#       runs bench/src/<driver source> with --base, --jdbc, --log and --out bench/results.

find_java25() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/java-25* "$HOME"/.jdks/*25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
        && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return 0
    fi
  done
  echo "No JDK 25 found (set JAVA_HOME)" >&2; return 1
}

bench_start() {
  local default_port=$1 default_pg_port=$2
  shift 2
  JAVA=$(find_java25)
  ulimit -n 65536 2>/dev/null || ulimit -n 4096
  PORT=${USHER_BENCH_PORT:-$default_port}
  PG_PORT=${USHER_BENCH_PG_PORT:-$default_pg_port}
  WORK=$(mktemp -d)
  if [ -z "${USHER_BENCH_SKIP_BUILD:-}" ]; then
    echo "[bench] building Usher"
    ./mvnw -B -q -DskipTests package
  fi
  JAR=$(ls target/usher-*.jar | grep -v original | head -n 1)
  PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)
  local jfr=()
  if [ -n "${USHER_BENCH_JFR:-}" ]; then
    jfr=("-XX:StartFlightRecording=filename=$USHER_BENCH_JFR,settings=profile,dumponexit=true")
  fi
  echo "[bench] starting Usher on :$PORT (data in $WORK)"
  # Bench settings: cheap bcrypt for the bench accounts, no per-address sign-in throttle and no API limit (every
  # client comes from 127.0.0.1), access log off. Durability settings are the defaults.
  # shellcheck disable=SC2086 # USHER_BENCH_ARGS is a list of arguments
  "$JAVA" -Xms1g -Xmx2g "${jfr[@]}" -jar "$JAR" \
    --server.port="$PORT" \
    --usher.db.embedded.data-dir="$WORK/postgres" --usher.db.embedded.port="$PG_PORT" \
    --usher.identity.bcrypt-cost=4 \
    --usher.identity.login-attempts-per-minute-per-address=100000000 \
    --usher.rate-limit.enabled=false \
    --logging.level.io.usher.access=warn \
    "$@" ${USHER_BENCH_ARGS:-} \
    > "$WORK/usher.log" 2>&1 &
  USHER=$!
  trap 'set +e; kill $USHER 2>/dev/null; wait $USHER 2>/dev/null; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    kill -0 $USHER 2>/dev/null || { tail -n 50 "$WORK/usher.log"; exit 1; }
    sleep 1
  done
  BASE="http://127.0.0.1:$PORT"
  JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
}

bench_driver() {
  local source=$1 classpath=$2
  shift 2
  "$JAVA" -Xmx2g -cp "$classpath" "bench/src/$source" \
    --base "$BASE" --jdbc "$JDBC" --log "$WORK/usher.log" --out bench/results "$@"
}
