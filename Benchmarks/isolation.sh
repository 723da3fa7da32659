#!/usr/bin/env bash
# One institution's costly queries against another's cheap calls (Benchmarks/isolation.py): the
# demo institution DEMO (catalogue of DEMO_BIBS bibs, 320 users) sends the most expensive queries
# its keys allow at its 25 calls a second while institution OTHER reads one of its users; prints
# OTHER's p50/p99 alone and beside that load. Run by hand, not in CI:
#
#     Benchmarks/isolation.sh            # SKIP_BUILD=1 reuses the release binary, SECONDS_EACH=20
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build-bench}
PORT=${PORT:-18095}
if [ "${SKIP_BUILD:-0}" != 1 ]; then swift build -c release --scratch-path "$SCRATCH" --product lectern >&2; fi
LECTERN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/lectern"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lectern-isolation.XXXXXX")
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
DB="sqlite:$WORK/lectern.sqlite"

"$LECTERN" serve --database "$DB" --port "$PORT" --outbox "$WORK/outbox" --demo-bibs "${DEMO_BIBS:-5000}" --log-level error >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do grep -q '^Serving' "$WORK/serve.log" && break; sleep 0.2; done
KEY_A=$(sed -n 's/^  Sandbox read\/write, all areas: //p' "$WORK/serve.log")
"$LECTERN" institution create OTHER --name "Other University" --database "$DB" >/dev/null
KEY_B=$("$LECTERN" key create --institution OTHER --environment sandbox --area all=rw --database "$DB")
sleep 2 # the running gateway reads new keys from the registry
curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/almaws/v1/users" -H "Authorization: apikey $KEY_B" \
    -H "Content-Type: application/json" -d '{"primary_id":"other.user","last_name":"Other","user_group":{"value":"STAFF"}}'

python3 Benchmarks/isolation.py --base "http://127.0.0.1:$PORT" --key-a "$KEY_A" --key-b "$KEY_B" --user-b other.user --seconds "${SECONDS_EACH:-20}"
