#!/usr/bin/env bash
# Primo search latency: p50 and p99 of `GET /primo/v1/search` (through the whole gateway, one
# query at a time, every local facet counted) beside the naive raw SQL query on the same
# database file (FTS5 MATCH, bm25 top 10, total count, five GROUP BY facet counts), over words
# drawn from the catalogue's own titles, stop words included. Run by hand, not in CI:
#
#     Benchmarks/primo.sh
#
# The catalogue is COUNT records from Benchmarks/primo_records.py (words with the frequencies
# of real titles: a few very common, most rare) loaded with `lectern import marc` into a new
# database whose demo institution `lectern serve` created. Loading a million records takes a
# while: DATABASE=FILE measures an existing database instead (one this script built, kept with
# KEEP=1). Knobs: COUNT (default 1000000), QUERIES (default 300), WARMUP (searches of other
# words before measuring, default 200; 0 measures a fresh server), PORT (default 18092),
# SCRATCH (build directory, default .build-bench), SKIP_BUILD=1 to reuse the binary there.
set -euo pipefail

cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000000}
QUERIES=${QUERIES:-300}
WARMUP=${WARMUP:-200}
PORT=${PORT:-18092}
SCRATCH=${SCRATCH:-.build-bench}

say() { printf '%s\n' "$*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building lectern (release) into $SCRATCH"
    swift build -c release --product lectern --scratch-path "$SCRATCH" >&2
fi
LECTERN="$SCRATCH/release/lectern"
WORK=$(mktemp -d /tmp/lectern-primo-bench.XXXXXX)
DB=${DATABASE:-$WORK/lectern.sqlite}
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ] && [ -z "${DATABASE:-}" ]; then say "kept the database in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# Serves the database until the server says it serves; leaves its pid in SERVER.
serve() {
    "$LECTERN" serve --port "$PORT" --database "sqlite:$DB" --log-level error --demo-bibs 0 >"$WORK/serve.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do
        if grep -q '^Serving' "$WORK/serve.log"; then return; fi
        if ! kill -0 "$SERVER" 2>/dev/null; then say "lectern serve stopped:"; cat "$WORK/serve.log" >&2; exit 1; fi
        sleep 0.2
    done
    say "lectern serve did not start"; exit 1
}

if [ -z "${DATABASE:-}" ]; then
    say "== seeding the demo institution (no demo bibs) and importing $COUNT generated records"
    serve
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    python3 Benchmarks/primo_records.py "$COUNT" "$WORK/records.mrc"
    "$LECTERN" import marc "$WORK/records.mrc" --institution DEMO --database "sqlite:$DB" >&2
    rm -f "$WORK/records.mrc"
fi
KEY=$("$LECTERN" key create --institution DEMO --environment sandbox --area primo=ro --unthrottled --database "sqlite:$DB")

# A running server's database is in the system's page cache; a file just built or copied may
# not be, and the first searches would then measure the disk: read it once first.
say "== reading the database file into the page cache"
cat "$DB" > /dev/null
say "== measuring $QUERIES queries"
serve
echo "Primo search over $(sqlite3 "$DB" "SELECT count(*) FROM discovery_rows" 2>/dev/null || echo "$COUNT") indexed records (generated bibs and the demo research assets), $(nproc) cores"
python3 Benchmarks/primo_latency.py "$DB" "http://127.0.0.1:$PORT" "$KEY" "$QUERIES" "$WARMUP"
