#!/usr/bin/env bash
# The hot on-sale benchmark, in one command: builds Usher, starts it on a fresh embedded PostgreSQL, runs the
# load generator (bench/src/OnSaleBenchmark.java) for every reservation strategy, writes
# bench/results/onsale-<timestamp>.json and .md, and stops Usher.
#
# Options are passed through to the generator, e.g. bench/onsale.sh --buyers 500 --seconds 20
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

if ! command -v wrk >/dev/null 2>&1; then
  echo "[bench] installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

bench_start 18080 15432 --usher.db.max-pool-size=40
bench_driver OnSaleBenchmark.java "$PG_JAR" "$@"
