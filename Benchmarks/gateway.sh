#!/usr/bin/env bash
# Throughput of GET /almaws/v1/users/{id} through the whole gateway, in JSON and in XML, beside
# a bare Hummingbird handler (LecternBench) that answers with a precomputed body of the same
# size. Run by hand, not in CI:
#
#     Benchmarks/gateway.sh
#
# Everything runs on this machine in one go: wrk (Debian's, -t2 -c64) and the servers share
# its cores, so the figures are only comparable with each other. The key used is created with
# --unthrottled (thresholds lifted); every other gateway step (key lookup, IP rules, area
# permissions, maintenance switch, daily counts, CORS, rendering) stays on.
#
# Environment knobs: DURATION (wrk -d, default 10s), ROUNDS (default 3), THREADS (default 2),
# CONNECTIONS (default 64), WARMUP (default 3s), PORT_BASE (default 18080; uses PORT_BASE..+2),
# SKIP_BUILD=1 to reuse the binaries in .build-bench, BASELINE=/path/to/another/lectern to measure
# an earlier build of Lectern side by side (its own database, port PORT_BASE+3), for a
# before/after comparison in one run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-3s}
PORT_BASE=${PORT_BASE:-18080}
LECTERN_PORT=$PORT_BASE
BARE_JSON_PORT=$((PORT_BASE + 1))
BARE_XML_PORT=$((PORT_BASE + 2))
BASELINE_PORT=$((PORT_BASE + 3))
BASELINE=${BASELINE:-}
SCRATCH=.build-bench # never .build: that one belongs to the everyday build

say() { printf '%s\n' "$*" >&2; }

# --- wrk ---------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    say "== installing wrk"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    if ! $SUDO apt-get install -y wrk >/dev/null 2>&1; then
        $SUDO apt-get update
        $SUDO apt-get install -y wrk
    fi
fi
for tool in curl wrk; do
    command -v "$tool" >/dev/null 2>&1 || { say "missing: $tool"; exit 1; }
done

# --- build -------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building release binaries in $SCRATCH (the first build takes several minutes)"
    swift build -c release --scratch-path "$SCRATCH" --product lectern
    swift build -c release --scratch-path "$SCRATCH" --product LecternBench
fi
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
LECTERN="$BIN/lectern"
BENCH="$BIN/LecternBench"

# --- processes and cleanup ---------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lectern-bench.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # URL: wait until something answers at URL
    local i
    for i in $(seq 1 200); do
        if curl -s -o /dev/null "$1"; then return 0; fi
        sleep 0.1
    done
    say "nothing answers at $1"
    exit 1
}

start_lectern() { # BINARY PORT NAME KEYVAR: serves a new database NAME.sqlite; an unthrottled key into KEYVAR
    local db="sqlite:$WORK/$3.sqlite"
    say "== starting $1 on port $2 ($db)"
    "$1" serve --port "$2" --database "$db" --log-level warning >"$WORK/$3.log" 2>&1 &
    PIDS+=($!)
    wait_for "http://127.0.0.1:$2/"
    printf -v "$4" '%s' "$("$1" key create --institution DEMO --environment sandbox --area all=rw --unthrottled \
        --label benchmark --database "$db" | tail -n 1)"
}

start_lectern "$LECTERN" "$LECTERN_PORT" lectern KEY
AUTH="Authorization: apikey $KEY"
if [ -n "$BASELINE" ]; then start_lectern "$BASELINE" "$BASELINE_PORT" baseline BASELINE_KEY; fi
BASE="http://127.0.0.1:$LECTERN_PORT/almaws/v1"

LIST=$(curl -sf -H "$AUTH" -H 'Accept: application/json' "$BASE/users?limit=1&format=json")
USER_ID=$(printf '%s' "$LIST" | sed -n 's/.*"primary_id" *: *"\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$USER_ID" ] || { say "no user id in: $LIST"; exit 1; }
URL="$BASE/users/$USER_ID"

fetch() { # ACCEPT FILE: one answer of Lectern's, which must be a 200
    local status
    status=$(curl -s -o "$2" -w '%{http_code}' -H "$AUTH" -H "Accept: $1" "$URL")
    [ "$status" = 200 ] || { say "GET $URL ($1) answered $status:"; cat "$2" >&2; exit 1; }
}
fetch application/json "$WORK/user.json"
fetch application/xml "$WORK/user.xml"
JSON_BYTES=$(wc -c <"$WORK/user.json")
XML_BYTES=$(wc -c <"$WORK/user.xml")

say "== starting LecternBench on ports $BARE_JSON_PORT (JSON, $JSON_BYTES bytes) and $BARE_XML_PORT (XML, $XML_BYTES bytes)"
"$BENCH" --port "$BARE_JSON_PORT" --body-file "$WORK/user.json" --content-type 'application/json;charset=UTF-8' \
    >"$WORK/bare-json.log" 2>&1 &
PIDS+=($!)
"$BENCH" --port "$BARE_XML_PORT" --body-file "$WORK/user.xml" --content-type 'application/xml;charset=UTF-8' \
    >"$WORK/bare-xml.log" 2>&1 &
PIDS+=($!)
BARE_JSON_URL="http://127.0.0.1:$BARE_JSON_PORT/almaws/v1/users/$USER_ID"
BARE_XML_URL="http://127.0.0.1:$BARE_XML_PORT/almaws/v1/users/$USER_ID"
wait_for "$BARE_JSON_URL"
wait_for "$BARE_XML_URL"
for pair in "$BARE_JSON_URL:$JSON_BYTES" "$BARE_XML_URL:$XML_BYTES"; do
    size=$(curl -s "${pair%:*}" | wc -c)
    [ "$size" = "${pair##*:}" ] || { say "bare body is $size bytes, expected ${pair##*:}"; exit 1; }
done

# --- measuring ---------------------------------------------------------------------------------
# Every target gets the same headers, the bare servers included.
run_wrk() { # DURATION ACCEPT URL AUTH
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "$4" -H "Accept: $2" "$3"
}

# Requests/s and p99 (in ms) of one wrk output; fails on errors or non-2xx answers.
parse() { # FILE -> "RPS P99MS"
    if grep -q 'Non-2xx or 3xx responses' "$1" || grep -q 'Socket errors' "$1"; then
        say "wrk reported errors:"
        cat "$1" >&2
        exit 1
    fi
    awk '
        /Requests\/sec:/ { rps = $2 }
        $1 == "99%" {
            v = $2
            if (v ~ /us$/) { sub(/us$/, "", v); p = v / 1000 }
            else if (v ~ /ms$/) { sub(/ms$/, "", v); p = v }
            else if (v ~ /s$/) { sub(/s$/, "", v); p = v * 1000 }
            else if (v ~ /m$/) { sub(/m$/, "", v); p = v * 60000 }
        }
        END { printf "%s %s\n", rps, p }
    ' "$1"
}

NAMES=("bare JSON" "Lectern JSON" "bare XML" "Lectern XML")
URLS=("$BARE_JSON_URL" "$URL" "$BARE_XML_URL" "$URL")
ACCEPTS=(application/json application/json application/xml application/xml)
AUTHS=("$AUTH" "$AUTH" "$AUTH" "$AUTH")
BYTES=("$JSON_BYTES" "$JSON_BYTES" "$XML_BYTES" "$XML_BYTES")
if [ -n "$BASELINE" ]; then
    BASELINE_URL="http://127.0.0.1:$BASELINE_PORT/almaws/v1/users/$USER_ID"
    NAMES+=("baseline JSON" "baseline XML")
    URLS+=("$BASELINE_URL" "$BASELINE_URL")
    ACCEPTS+=(application/json application/xml)
    AUTHS+=("Authorization: apikey $BASELINE_KEY" "Authorization: apikey $BASELINE_KEY")
    BYTES+=("$JSON_BYTES" "$XML_BYTES")
fi
TARGETS=$(seq 0 $((${#NAMES[@]} - 1)))
BACKWARD=$(seq $((${#NAMES[@]} - 1)) -1 0)

say "== warming up ($WARMUP each)"
for i in $TARGETS; do run_wrk "$WARMUP" "${ACCEPTS[$i]}" "${URLS[$i]}" "${AUTHS[$i]}" >"$WORK/warmup.txt"; parse "$WORK/warmup.txt" >/dev/null; done

declare -A RPS_SUM P99_SUM
for i in $TARGETS; do RPS_SUM[$i]=0; P99_SUM[$i]=0; done
say "== measuring: $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, targets interleaved"
for round in $(seq 1 "$ROUNDS"); do
    # Alternate the order between rounds so no target always follows the same one.
    if [ $((round % 2)) = 1 ]; then order=$TARGETS; else order=$BACKWARD; fi
    for i in $order; do
        out="$WORK/wrk-$round-$i.txt"
        run_wrk "$DURATION" "${ACCEPTS[$i]}" "${URLS[$i]}" "${AUTHS[$i]}" >"$out"
        read -r rps p99 < <(parse "$out")
        printf '   round %d  %-13s %10.0f req/s  p99 %7.2f ms\n' "$round" "${NAMES[$i]}" "$rps" "$p99" >&2
        RPS_SUM[$i]=$(awk -v a="${RPS_SUM[$i]}" -v b="$rps" 'BEGIN { print a + b }')
        P99_SUM[$i]=$(awk -v a="${P99_SUM[$i]}" -v b="$p99" 'BEGIN { print a + b }')
    done
done

# --- report ------------------------------------------------------------------------------------
mean() { awk -v s="$1" -v n="$ROUNDS" 'BEGIN { printf "%.2f", s / n }'; }
echo
echo "GET /almaws/v1/users/$USER_ID   wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, mean of $ROUNDS rounds, $(nproc) cores"
echo
printf '%-14s %8s %12s %10s\n' "target" "bytes" "req/s" "p99 (ms)"
printf '%-14s %8s %12s %10s\n' "--------------" "--------" "------------" "----------"
for i in $TARGETS; do
    printf '%-14s %8s %12.0f %10.2f\n' "${NAMES[$i]}" "${BYTES[$i]}" "$(mean "${RPS_SUM[$i]}")" "$(mean "${P99_SUM[$i]}")"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio Lectern/bare, JSON: $(ratio "${RPS_SUM[1]}" "${RPS_SUM[0]}")"
echo "ratio Lectern/bare, XML:  $(ratio "${RPS_SUM[3]}" "${RPS_SUM[2]}")"
if [ -n "$BASELINE" ]; then
    echo "ratio baseline/bare, JSON: $(ratio "${RPS_SUM[4]}" "${RPS_SUM[0]}")"
    echo "ratio baseline/bare, XML:  $(ratio "${RPS_SUM[5]}" "${RPS_SUM[2]}")"
fi
