#!/usr/bin/env bash
# Course reserves at a university's size: the same calls timed on the demo institution (168
# courses) and again after `lectern demo-courses` adds COURSES more (default 20000, each with
# enrolments and most with a reading list), beside a user GET in the same runs. Run by hand, not
# in CI:
#
#     Benchmarks/courses.sh
#
# Builds the release binary into .build-bench, creates the demo institution with BIBS bibs
# (default 5000) in a fresh database, times ROUNDS rounds (default 300) of every call kind one
# call at a time over one keep-alive connection with an unthrottled key, writes the courses,
# and times again. Prints each call's p50 at both sizes and their ratio (large/small: 1.0 means
# the cost does not grow with the institution). Knobs: BIBS, COURSES, ROUNDS, PORT (default
# 18150), SKIP_BUILD=1 to reuse the binary, DATABASE=path to keep the database (a run on an
# existing one times it as it is).
set -euo pipefail

cd "$(dirname "$0")/.."

BIBS=${BIBS:-5000}
COURSES=${COURSES:-20000}
ROUNDS=${ROUNDS:-300}
PORT=${PORT:-18150}
SCRATCH=${SCRATCH:-.build-bench}
WORK=$(mktemp -d /tmp/lectern-courses.XXXXXX)
DATABASE=${DATABASE:-$WORK/lectern.sqlite}
. Benchmarks/demo_server.sh

if [ -s "$DATABASE" ]; then
    say "== reusing $DATABASE"
    serve
    KEY=$("$LECTERN" key create --institution DEMO --environment sandbox --area courses=rw --area users=rw --unthrottled --database "sqlite:$DATABASE")
    python3 Benchmarks/courses_latency.py "http://127.0.0.1:$PORT" "$KEY" "$ROUNDS" "large"
    exit 0
fi
say "== creating the demo institution with $BIBS bibs"
serve
KEY=$("$LECTERN" key create --institution DEMO --environment sandbox --area courses=rw --area users=rw --unthrottled --database "sqlite:$DATABASE")
python3 Benchmarks/courses_latency.py "http://127.0.0.1:$PORT" "$KEY" "$ROUNDS" "demo" | tee "$WORK/small.txt"
stop
say "== writing $COURSES courses"
"$LECTERN" demo-courses --database "sqlite:$DATABASE" --count "$COURSES" >&2
serve
python3 Benchmarks/courses_latency.py "http://127.0.0.1:$PORT" "$KEY" "$ROUNDS" "large" | tee "$WORK/large.txt"
python3 - "$WORK/small.txt" "$WORK/large.txt" <<'PY'
import json, sys
small, large = (json.loads(next(l for l in open(p) if l.startswith("P50S "))[5:]) for p in sys.argv[1:3])
print("== p50 large/small")
for name in small:
    print(f"{name:<22} {small[name]:7.2f} ms -> {large[name]:7.2f} ms   x{large[name] / small[name]:.2f}")
PY
