#!/usr/bin/env bash
# A 100,000-row analytics report: the time to its first page (when the report is computed and
# the pages after the first are kept for the token) and per page after that, with a user GET and
# a small aggregate report timed in the same run as yardsticks. Run by hand, not in CI:
#
#     Benchmarks/analytics.sh
#
# Builds the release binary into .build-bench, creates the demo institution with BIBS bibs
# (default 2000) in a fresh database, adds LOANS returned loans (default 100000) with
# `lectern demo-loans`, and reads the loan history report (one row per loan) RUNS times (default
# 3) at LIMIT rows a page (default 1000). Knobs: BIBS, LOANS, RUNS, LIMIT, PORT (default 18160),
# SKIP_BUILD=1 to reuse the binary, DATABASE=path to keep the database (a run on an existing one
# reads it as it is).
set -euo pipefail

cd "$(dirname "$0")/.."

BIBS=${BIBS:-2000}
LOANS=${LOANS:-100000}
RUNS=${RUNS:-3}
LIMIT=${LIMIT:-1000}
PORT=${PORT:-18160}
SCRATCH=${SCRATCH:-.build-bench}
WORK=$(mktemp -d /tmp/lectern-analytics.XXXXXX)
DATABASE=${DATABASE:-$WORK/lectern.sqlite}
REPORT="/shared/Lectern Demo University/Reports/Fulfillment/Loan history"
. Benchmarks/demo_server.sh

if [ ! -s "$DATABASE" ]; then
    say "== creating the demo institution with $BIBS bibs"
    serve
    stop
    say "== writing $LOANS loans"
    "$LECTERN" demo-loans --database "sqlite:$DATABASE" --count "$LOANS" >&2
fi
serve
KEY=$("$LECTERN" key create --institution DEMO --environment sandbox --area analytics=ro --area users=ro --unthrottled --database "sqlite:$DATABASE")
python3 Benchmarks/analytics_paging.py "http://127.0.0.1:$PORT" "$KEY" "$REPORT" "$LIMIT" "$RUNS"
