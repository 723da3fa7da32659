#!/usr/bin/env bash
# Validates the OpenAPI documents a running Lectern serves with an independent validator
# (openapi-spec-validator, from PyPI). Run by hand, not by `swift test`:
#
#     scripts/validate-openapi.sh
#
# Builds `lectern` (debug) into SCRATCH, starts it on an empty temporary database without the
# demo institution (the documents need no data), fetches GET /openapi, then every document it
# lists, and runs `python3 -m openapi_spec_validator` on each. Exits non-zero on the first
# invalid document.
#
# Environment knobs: SCRATCH (default .build-openapi), PORT (default 18090), SKIP_BUILD=1 to
# reuse the binary already in SCRATCH.
set -euo pipefail

cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-openapi} # never .build: that one belongs to the everyday build
PORT=${PORT:-18090}

say() { printf '%s\n' "$*" >&2; }

if ! python3 -c 'import openapi_spec_validator' 2>/dev/null; then
    say "== installing openapi-spec-validator"
    python3 -m pip install --quiet openapi-spec-validator
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "== building lectern into $SCRATCH"
    swift build --scratch-path "$SCRATCH" --product lectern
fi
LECTERN=$(swift build --scratch-path "$SCRATCH" --show-bin-path)/lectern

WORK=$(mktemp -d)
"$LECTERN" serve --no-demo --port "$PORT" --database "sqlite:$WORK/lectern.sqlite" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    curl -sf "$BASE/openapi" -o "$WORK/index.json" && break
    sleep 0.2
done
[ -s "$WORK/index.json" ] || { say "lectern did not answer on $BASE/openapi"; cat "$WORK/serve.log" >&2; exit 1; }

URLS=$(python3 -c 'import json, sys; print("\n".join(api["url"] for api in json.load(open(sys.argv[1]))["apis"]))' "$WORK/index.json")
for url in $URLS; do
    file="$WORK/$(basename "$url")"
    curl -sf "$BASE$url" -o "$file"
    python3 -m openapi_spec_validator "$file"
done
printf "\n" >&2
say "== every document is valid OpenAPI"
