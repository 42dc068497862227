#!/usr/bin/env bash
# The desk benchmark, in one command: builds Usher, starts it on a fresh embedded PostgreSQL, runs the driver
# (bench/src/DeskBenchmark.java): a support organization with 50 queues and their agents through the API, then 1M
# tickets with 5M comments generated in the database with set-based SQL, then p50/p95 of the agent views "mine",
# "unassigned" and "breaching" (50 rows) and of a ticket page through the HTTP API as agents, next to the views'
# SQL alone. Writes bench/results/desk-<timestamp>.json and .md, and stops Usher.
#
# Options are passed through to the driver, e.g. bench/desk.sh --tickets 100000 --comments 500000
#   --tickets N           tickets to generate (1000000)
#   --comments N          comments to generate, about (5 × tickets), 0 to 2× the average per ticket
#   --queues N            queues (50); --agents-per-queue N (10); --requesters N (1000)
#   --requests N          measured requests per series (300); --warmup N (100); --measured-agents N (20)
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
PORT=${USHER_BENCH_PORT:-18082}
PG_PORT=${USHER_BENCH_PG_PORT:-15434}
WORK=$(mktemp -d)

if [ -z "${USHER_BENCH_SKIP_BUILD:-}" ]; then
  echo "[bench] building Usher"
  ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/usher-*.jar | grep -v original | head -n 1)
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)

echo "[bench] starting Usher on :$PORT (data in $WORK)"
# Bench settings: cheap bcrypt for the bench accounts, no per-address sign-in throttle and no API limit (every
# request comes from 127.0.0.1), access log off; the SLA monitor and auto-close run hourly instead of every
# minute / 5 minutes, so neither works through generated data while latencies are measured. Durability settings
# are the defaults.
"$JAVA" -Xms1g -Xmx2g -jar "$JAR" \
  --server.port="$PORT" \
  --usher.db.embedded.data-dir="$WORK/postgres" --usher.db.embedded.port="$PG_PORT" \
  --usher.identity.bcrypt-cost=4 \
  --usher.identity.login-attempts-per-minute-per-address=100000000 \
  --usher.rate-limit.enabled=false \
  --usher.desk.sla-monitor-interval=1h --usher.desk.auto-close-interval=1h \
  --logging.level.io.usher.access=warn \
  > "$WORK/usher.log" 2>&1 &
USHER=$!
trap 'set +e; kill $USHER 2>/dev/null; wait $USHER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 $USHER 2>/dev/null || { tail -n 50 "$WORK/usher.log"; exit 1; }
  sleep 1
done

# The driver runs the app's own view statement (io.usher.desk.internal.ViewQuery, plain Java) for the SQL-only
# times, so the app's classes go on its class path.
"$JAVA" -Xmx1g -cp "$PG_JAR:target/classes" bench/src/DeskBenchmark.java \
  --base "http://127.0.0.1:$PORT" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" \
  --log "$WORK/usher.log" --out bench/results "$@"
