#!/usr/bin/env bash
# Primo search, two builds side by side: this code's `lectern` and another build of it (the code
# before a change) serve the same database file at once, and every query goes to both, the
# order alternating, so that the machine's changing speed weighs on both alike. Prints each
# build's p50 and p99 and the ratio of their p50s. Run by hand, not in CI:
#
#     BASELINE=../base/.build/release/lectern DATABASE=/tmp/primo.sqlite Benchmarks/primo_ab.sh
#
# BASELINE is the other build's binary, for example from a worktree of the code before:
# `git worktree add ../base REV && (cd ../base && swift build -c release --product lectern)`.
# DATABASE is a database that Benchmarks/primo.sh built and kept (KEEP=1). The baseline must be
# able to open it: a build from before a migration the file has is not. Knobs: QUERIES (default
# 300), WARMUP (searches of other words first, on both, default 200), SCRATCH (this code's build
# directory, default .build-bench), SKIP_BUILD=1 to reuse the binary there.
set -euo pipefail

cd "$(dirname "$0")/.."

QUERIES=${QUERIES:-300}
WARMUP=${WARMUP:-200}
SCRATCH=${SCRATCH:-.build-bench}
: "${BASELINE:?BASELINE must name the lectern binary of the other build}"
: "${DATABASE:?DATABASE must name a database built by Benchmarks/primo.sh}"

say() { printf '%s\n' "$*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building lectern (release) into $SCRATCH"
    swift build -c release --product lectern --scratch-path "$SCRATCH" >&2
fi
WORK=$(mktemp -d /tmp/lectern-primo-ab.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# Starts `$1 serve` on port $2 and prints a new key for it once it serves.
serve() {
    local binary=$1 port=$2 log="$WORK/serve-$2.log"
    "$binary" serve --port "$port" --database "sqlite:$DATABASE" --log-level error --demo-bibs 0 >"$log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 600); do
        if grep -q '^Serving' "$log"; then
            "$binary" key create --institution DEMO --environment sandbox --area primo=ro --unthrottled --database "sqlite:$DATABASE"
            return
        fi
        sleep 0.2
    done
    say "lectern serve on port $port did not start:"; cat "$log" >&2; exit 1
}

BASE_KEY=$(serve "$BASELINE" 18111)
THIS_KEY=$(serve "$SCRATCH/release/lectern" 18112)
say "== reading the database file into the page cache"
cat "$DATABASE" > /dev/null
echo "Primo search, two builds on one database, $QUERIES queries after $WARMUP warm-up searches, $(nproc) cores"
python3 Benchmarks/primo_ab.py "$DATABASE" "$QUERIES" "$WARMUP" \
    "baseline" "http://127.0.0.1:18111" "$BASE_KEY" "this code" "http://127.0.0.1:18112" "$THIS_KEY"
