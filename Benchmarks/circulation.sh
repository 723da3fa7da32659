#!/usr/bin/env bash
# Latency of a checkout (POST /users/{id}/loans) and a return (POST …/items/{pid}?op=scan) with
# 100,000 loans in the database, beside a user GET in the same run. Run by hand, not in CI:
#
#     Benchmarks/circulation.sh
#
# Builds the release binary into .build-bench, creates the demo institution with BIBS bibs
# (default 20000) in a fresh database, writes LOANS returned loans (default 100000) with
# `lectern demo-loans`, then serves it and times ROUNDS checkout/return pairs (default 2000) one
# call at a time over one keep-alive connection, each followed by a user GET, with an
# unthrottled key (every other gateway step stays on). Knobs: BIBS, LOANS, ROUNDS, PORT
# (default 18140), SKIP_BUILD=1 to reuse the binary, DATABASE=path to keep the database.
set -euo pipefail

cd "$(dirname "$0")/.."

BIBS=${BIBS:-20000}
LOANS=${LOANS:-100000}
ROUNDS=${ROUNDS:-2000}
PORT=${PORT:-18140}
SCRATCH=${SCRATCH:-.build-bench}
WORK=$(mktemp -d /tmp/lectern-circulation.XXXXXX)
DATABASE=${DATABASE:-$WORK/lectern.sqlite}
. Benchmarks/demo_server.sh

if [ ! -s "$DATABASE" ]; then
    say "== creating the demo institution with $BIBS bibs"
    serve
    stop
    say "== writing $LOANS returned loans"
    "$LECTERN" demo-loans --database "sqlite:$DATABASE" --count "$LOANS" >&2
fi
serve
KEY=$("$LECTERN" key create --institution DEMO --environment sandbox --area users=rw --area bibs=rw --unthrottled --database "sqlite:$DATABASE")
say "== reading the database file into the page cache"
cat "$DATABASE" > /dev/null
python3 Benchmarks/circulation_latency.py "$DATABASE" "http://127.0.0.1:$PORT" "$KEY" "$ROUNDS"
