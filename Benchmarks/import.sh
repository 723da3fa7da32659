#!/usr/bin/env bash
# Bulk MARC import: records per second of `lectern import marc` on generated demo records (bibs
# with embedded 852 holdings and 876 items), end to end (read, parse, check, match, write to
# SQLite, commit), beside the same command with --dry-run (read, parse and check only) and
# beside SQLite alone writing the rows the import wrote (Benchmarks/import_floor.py: as Lectern
# stores them, the least a catalogue could store, and that one's full text alone; FLOOR=0 skips
# it). Run by hand, not in CI:
#
#     Benchmarks/import.sh
#
# Everything runs on this machine in one go, in one database file on its disk: the figures are
# only comparable with each other. The institution is the demo institution, created on a new
# database by `lectern serve` as a user gets it (started, then stopped once it serves); the
# records come from `lectern demo-catalogue` (DemoCatalogue), numbered from START so that they
# do not meet a demo catalogue the server may have seeded.
#
# Environment knobs: COUNT (records, default 100000), FORMAT (iso2709 or xml, default iso2709),
# ROUNDS (dry runs and imports into fresh databases, default 1), START (first record index,
# default 10000000), PORT (for the seeding server, default 18090), SCRATCH (build directory,
# default .build-bench), SKIP_BUILD=1 to reuse the binary there.
set -euo pipefail

cd "$(dirname "$0")/.."

COUNT=${COUNT:-100000}
FORMAT=${FORMAT:-iso2709}
ROUNDS=${ROUNDS:-1}
START=${START:-10000000}
PORT=${PORT:-18090}
SCRATCH=${SCRATCH:-.build-bench} # never .build: that one belongs to the everyday build

say() { printf '%s\n' "$*" >&2; }

# --- build -------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building the release binary in $SCRATCH (the first build takes several minutes)"
    swift build -c release --scratch-path "$SCRATCH" --product lectern
fi
LECTERN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/lectern"

# --- files and cleanup -------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lectern-import-bench.XXXXXX")
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A new database with the demo institution: serve until the server says it serves, then stop.
seed() { # DATABASE-URL
    "$LECTERN" serve --port "$PORT" --database "$1" --log-level error --demo-bibs 0 >"$WORK/serve.log" 2>&1 &
    SERVER=$!
    local i
    for i in $(seq 1 300); do
        if grep -q '^Serving' "$WORK/serve.log"; then break; fi
        if ! kill -0 "$SERVER" 2>/dev/null; then say "lectern serve stopped:"; cat "$WORK/serve.log" >&2; exit 1; fi
        sleep 0.1
    done
    grep -q '^Created the demo institution' "$WORK/serve.log" || { say "no demo institution:"; cat "$WORK/serve.log" >&2; exit 1; }
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
}

# The records/s of a summary line: "... in 4.20 s (23810 records/s)".
rate() { sed -n 's/.*(\([0-9]*\) records\/s).*/\1/p' "$1"; }
# The records/s of one line of Benchmarks/import_floor.py: "least data: 5.41 s, 18491 records/s, ...".
floor_rate() { sed -n "s/^$1: .*, \([0-9]*\) records\/s.*/\1/p" "$WORK/floor.txt"; }

INPUT="$WORK/records.$([ "$FORMAT" = xml ] && echo xml || echo mrc)"
say "== generating $COUNT demo records ($FORMAT)"
"$LECTERN" demo-catalogue --count "$COUNT" --start "$START" --format "$FORMAT" "$INPUT"
BYTES=$(wc -c <"$INPUT")
ITEMS=$("$LECTERN" demo-catalogue --count "$COUNT" --start "$START" --format xml | grep -o 'tag="876"' | wc -l)
HOLDINGS=$("$LECTERN" demo-catalogue --count "$COUNT" --start "$START" --format xml | grep -o 'tag="852"' | wc -l)

DRY_SUM=0
IMPORT_SUM=0
STORED_SUM=0
LEAST_SUM=0
SEARCH_SUM=0
for round in $(seq 1 "$ROUNDS"); do
    DB="sqlite:$WORK/round-$round/lectern.sqlite"
    say "== round $round: seeding the demo institution in $DB"
    seed "$DB"

    "$LECTERN" import marc "$INPUT" --institution DEMO --database "$DB" --dry-run >"$WORK/dry.txt" 2>"$WORK/dry.err"
    dry=$(rate "$WORK/dry.txt")
    say "   dry run (parse and check): $(cat "$WORK/dry.txt")"

    status=0
    "$LECTERN" import marc "$INPUT" --institution DEMO --database "$DB" >"$WORK/import.txt" 2>"$WORK/import.err" || status=$?
    [ "$status" = 0 ] || { say "import failed ($status):"; tail -n 20 "$WORK/import.err" >&2; exit 1; }
    imported=$(rate "$WORK/import.txt")
    say "   import:                    $(cat "$WORK/import.txt")"
    grep -q " $COUNT created" "$WORK/import.txt" || { say "not every record was created"; exit 1; }

    DRY_SUM=$((DRY_SUM + dry))
    IMPORT_SUM=$((IMPORT_SUM + imported))
    DB_BYTES=$(du -cb "$WORK/round-$round"/lectern.sqlite* | tail -n 1 | cut -f 1)
    if [ "${FLOOR:-1}" != 0 ]; then
        python3 Benchmarks/import_floor.py "$WORK/round-$round/lectern.sqlite" "$WORK/floor" >"$WORK/floor.txt"
        say "   SQLite alone:              $(paste -sd ';' "$WORK/floor.txt" | sed 's/;/; /g')"
        STORED_SUM=$((STORED_SUM + $(floor_rate "as stored")))
        LEAST_SUM=$((LEAST_SUM + $(floor_rate "least data")))
        SEARCH_SUM=$((SEARCH_SUM + $(floor_rate "full text alone")))
    fi
    rm -rf "$WORK/round-$round"
done

# --- report ------------------------------------------------------------------------------------
echo
echo "lectern import marc, $COUNT records ($FORMAT, $((BYTES / 1024 / 1024)) MB; $HOLDINGS holdings, $ITEMS items), mean of $ROUNDS rounds, $(nproc) cores"
echo
printf '%-34s %12s\n' "run" "records/s"
printf '%-34s %12s\n' "----------------------------------" "------------"
printf '%-34s %12d\n' "parse and check only (--dry-run)" "$((DRY_SUM / ROUNDS))"
printf '%-34s %12d\n' "import into SQLite" "$((IMPORT_SUM / ROUNDS))"
if [ "${FLOOR:-1}" != 0 ]; then
    printf '%-34s %12d\n' "SQLite alone, rows as stored" "$((STORED_SUM / ROUNDS))"
    printf '%-34s %12d\n' "SQLite alone, least data" "$((LEAST_SUM / ROUNDS))"
    printf '%-34s %12d\n' "SQLite alone, full text alone" "$((SEARCH_SUM / ROUNDS))"
fi
echo
echo "ratio import/parse: $(awk -v a="$IMPORT_SUM" -v b="$DRY_SUM" 'BEGIN { printf "%.2f", a / b }')"
echo "database after import: $((DB_BYTES / 1024 / 1024)) MB"
