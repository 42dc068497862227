#!/usr/bin/env bash
# The door benchmark, in one command: builds Usher, starts it on a fresh embedded PostgreSQL, runs the driver
# (bench/src/CheckinBenchmark.java): one event with 20,000 tickets scanned by 50 door devices at once through
# POST /api/v1/checkins, in steady state (after warm-up rounds until the server's JIT compilers are idle), a check in SQL that none was admitted twice, and offline signature verification on one
# thread. Writes bench/results/checkin-<timestamp>.json and .md, and stops Usher.
#
# Options are passed through to the driver, e.g. bench/checkin.sh --tickets 2000 --devices 20 --rescans 0.1
#   --tickets N         distinct tickets of the measured event (20000)
#   --devices N         door devices scanning at once, one thread each (50)
#   --rescans F         re-scans of random tickets, as a fraction of the tickets; each must be refused (0.05)
#   --warmup-tickets N  tickets per warm-up round, each round a fresh event, not measured (min(10000, tickets))
#   --warmup-rounds N   at most this many warm-up rounds (10); they stop once the server's JIT has settled
#   --settled F         settled: the JIT compiler threads took at most this share of the server's CPU in a round (0.05)
# Environment: USHER_BENCH_POOL (database connections, 40), USHER_BENCH_ARGS (extra Usher arguments for
# experiments, e.g. --management.observations.enable.http.server.requests=false), USHER_BENCH_JFR; see bench/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_start 18081 15433 --usher.db.max-pool-size="${USHER_BENCH_POOL:-40}"
# The driver calls the app's own verifier (io.usher.admission.internal.TicketSignatures.Verifier): the app's
# classes and the Bouncy Castle jar the app was built with go on its class path.
mkdir -p "$WORK/lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/bcprov-*.jar' -d "$WORK/lib"
BC_JAR=$(ls "$WORK"/lib/bcprov-*.jar | head -n 1)
bench_driver CheckinBenchmark.java "$PG_JAR:$BC_JAR:target/classes" "$@"
