#!/usr/bin/env bash
# The door benchmark, in one command: builds Usher, starts it on a fresh embedded PostgreSQL, runs the driver
# (bench/src/CheckinBenchmark.java): one event with 20,000 tickets scanned by 50 door devices at once through
# POST /api/v1/checkins, a check in SQL that none was admitted twice, and offline signature verification on one
# thread. Writes bench/results/checkin-<timestamp>.json and .md, and stops Usher.
#
# Options are passed through to the driver, e.g. bench/checkin.sh --tickets 2000 --devices 20 --rescans 0.1
#   --tickets N         distinct tickets of the measured event (20000)
#   --devices N         door devices scanning at once, one thread each (50)
#   --rescans F         re-scans of random tickets, as a fraction of the tickets; each must be refused (0.05)
#   --warmup-tickets N  tickets of a warm-up event scanned first, not measured (min(5000, tickets))
# Environment: USHER_BENCH_POOL (database connections, 40), USHER_BENCH_ARGS (extra Usher arguments for
# experiments, e.g. --management.observations.enable.http.server.requests=false), USHER_BENCH_JFR (see below).
set -euo pipefail
cd "$(dirname "$0")/.."

find_java25() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/java-25* "$HOME"/.jdks/*25*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
        && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return 0
    fi
  done
  echo "No JDK 25 found (set JAVA_HOME)" >&2; return 1
}
JAVA=$(find_java25)
ulimit -n 65536 2>/dev/null || ulimit -n 4096
PORT=${USHER_BENCH_PORT:-18081}
PG_PORT=${USHER_BENCH_PG_PORT:-15433}
WORK=$(mktemp -d)

echo "[bench] building Usher"
./mvnw -B -q -DskipTests package
JAR=$(ls target/usher-*.jar | grep -v original | head -n 1)
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)
# The driver calls the app's own verifier (io.usher.admission.internal.TicketSignatures.Verifier): the app's
# classes and the Bouncy Castle jar the app was built with go on its class path.
mkdir -p "$WORK/lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/bcprov-*.jar' -d "$WORK/lib"
BC_JAR=$(ls "$WORK"/lib/bcprov-*.jar | head -n 1)

echo "[bench] starting Usher on :$PORT (data in $WORK)"
# Bench settings: cheap bcrypt for the bench accounts, no per-address sign-in throttle and no API limit (every
# door device comes from 127.0.0.1), access log off. Durability settings are the defaults.
# USHER_BENCH_JFR=<file.jfr> records the server with Java Flight Recorder (profiling settings) for the whole run.
JFR_OPTION=()
if [ -n "${USHER_BENCH_JFR:-}" ]; then
  JFR_OPTION=("-XX:StartFlightRecording=filename=$USHER_BENCH_JFR,settings=profile,dumponexit=true")
fi
"$JAVA" -Xms1g -Xmx2g "${JFR_OPTION[@]}" -jar "$JAR" \
  --server.port="$PORT" \
  --usher.db.embedded.data-dir="$WORK/postgres" --usher.db.embedded.port="$PG_PORT" \
  --usher.identity.bcrypt-cost=4 \
  --usher.identity.login-attempts-per-minute-per-address=100000000 \
  --usher.rate-limit.enabled=false \
  --usher.db.max-pool-size=${USHER_BENCH_POOL:-40} \
  --logging.level.io.usher.access=warn ${USHER_BENCH_ARGS:-} \
  > "$WORK/usher.log" 2>&1 &
USHER=$!
trap 'set +e; kill $USHER 2>/dev/null; wait $USHER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 $USHER 2>/dev/null || { tail -n 50 "$WORK/usher.log"; exit 1; }
  sleep 1
done

"$JAVA" -Xmx2g -cp "$PG_JAR:$BC_JAR:target/classes" bench/src/CheckinBenchmark.java \
  --base "http://127.0.0.1:$PORT" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" \
  --log "$WORK/usher.log" --out bench/results "$@"
