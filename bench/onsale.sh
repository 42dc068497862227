#!/usr/bin/env bash
# The hot on-sale benchmark, in one command: builds Usher, starts it on a fresh embedded PostgreSQL, runs the
# load generator (bench/src/OnSaleBenchmark.java) for every reservation strategy, writes
# bench/results/onsale-<timestamp>.json and .md, and stops Usher.
#
# Options are passed through to the generator, e.g. bench/onsale.sh --buyers 500 --seconds 20
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
if ! command -v wrk >/dev/null 2>&1; then
  echo "[bench] installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
ulimit -n 65536 2>/dev/null || ulimit -n 4096
PORT=${USHER_BENCH_PORT:-18080}
PG_PORT=${USHER_BENCH_PG_PORT:-15432}
WORK=$(mktemp -d)

echo "[bench] building Usher"
./mvnw -B -q -DskipTests package
JAR=$(ls target/usher-*.jar | grep -v original | head -n 1)
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)

echo "[bench] starting Usher on :$PORT (data in $WORK)"
# Bench settings: cheap bcrypt for the thousands of bench accounts, no per-address sign-in throttle and no API
# limit (every simulated buyer comes from 127.0.0.1), access log off. Durability settings are the defaults.
"$JAVA" -Xms1g -Xmx2g -jar "$JAR" \
  --server.port="$PORT" \
  --usher.db.embedded.data-dir="$WORK/postgres" --usher.db.embedded.port="$PG_PORT" \
  --usher.identity.bcrypt-cost=4 \
  --usher.identity.login-attempts-per-minute-per-address=100000000 \
  --usher.rate-limit.enabled=false \
  --usher.db.max-pool-size=40 \
  --logging.level.io.usher.access=warn \
  > "$WORK/usher.log" 2>&1 &
USHER=$!
trap 'set +e; kill $USHER 2>/dev/null; wait $USHER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 $USHER 2>/dev/null || { tail -n 50 "$WORK/usher.log"; exit 1; }
  sleep 1
done

"$JAVA" -Xmx2g -cp "$PG_JAR" bench/src/OnSaleBenchmark.java \
  --base "http://127.0.0.1:$PORT" \
  --jdbc "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" \
  --log "$WORK/usher.log" --out bench/results "$@"
