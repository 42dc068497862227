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
. bench/lib.sh

# The SLA monitor and auto-close run hourly instead of every minute / 5 minutes, so neither works through the
# generated data while latencies are measured.
bench_start 18082 15434 --usher.desk.sla-monitor-interval=1h --usher.desk.auto-close-interval=1h
# The driver runs the app's own view statement (io.usher.desk.internal.ViewQuery, plain Java) for the SQL-only
# times, so the app's classes go on its class path.
bench_driver DeskBenchmark.java "$PG_JAR:target/classes" "$@"
