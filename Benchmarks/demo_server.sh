# Sourced by the benchmarks that serve a demo database (circulation.sh, courses.sh): builds the
# release binary unless SKIP_BUILD=1, and defines `say`, `serve` (starts `lectern serve` on
# $DATABASE with $BIBS demo bibs and waits until it answers) and `stop` (the last one started),
# every server stopped and $WORK removed on exit. Expects WORK, DATABASE, BIBS, PORT, SCRATCH.

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building lectern (release) into $SCRATCH"
    swift build -c release --product lectern --scratch-path "$SCRATCH" >&2
fi
LECTERN="$SCRATCH/release/lectern"

serve() {
    local log="$WORK/serve.log"
    "$LECTERN" serve --port "$PORT" --database "sqlite:$DATABASE" --outbox "$WORK/outbox" --log-level error --demo-bibs "$BIBS" >"$log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 3000); do
        if grep -q '^Serving' "$log"; then return; fi
        sleep 0.2
    done
    say "lectern serve did not start:"; cat "$log" >&2; exit 1
}

stop() { kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; }
