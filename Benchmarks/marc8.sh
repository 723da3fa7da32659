#!/usr/bin/env bash
# MARC-8 against UTF-8: records/s of `lectern import marc` for the same demo records written in
# UTF-8 and in MARC-8, read and checked (--dry-run) and imported into fresh databases, the two
# encodings alternating round by round in one run. Run by hand, not in CI:
#
#     Benchmarks/marc8.sh
#
# The MARC-8 copy is written by YAZ's yaz-marcdump (Debian's `yaz`, not needed otherwise:
# `apt-get install yaz`) from the records in MARCXML, their Latin letters decomposed first
# (yaz-marcdump drops a precomposed letter such as "ō" that MARC-8 writes as a combining mark
# and "o"). The first round exports both databases and compares them: every record must read
# back with the same text from either file.
#
# Environment knobs: COUNT (records, default 50000), ROUNDS (default 3), PORT (default 18091),
# SCRATCH (build directory, default .build-bench), SKIP_BUILD=1 to reuse the binary there.
set -euo pipefail

cd "$(dirname "$0")/.."

COUNT=${COUNT:-50000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18091}
SCRATCH=${SCRATCH:-.build-bench}
BIBS=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lectern-marc8-bench.XXXXXX")
. Benchmarks/demo_server.sh

command -v yaz-marcdump >/dev/null || { say "yaz-marcdump is missing: apt-get install yaz"; exit 1; }

say "== generating $COUNT demo records (ISO 2709, UTF-8) and their MARC-8 copy"
"$LECTERN" demo-catalogue --count "$COUNT" --start 10000000 --format iso2709 "$WORK/utf8.mrc"
"$LECTERN" demo-catalogue --count "$COUNT" --start 10000000 --format xml "$WORK/utf8.xml"
python3 - "$WORK/utf8.xml" "$WORK/decomposed.xml" <<'PY'
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
latin = "".join(unicodedata.normalize("NFD", c) if ord(c) < 0x2B0 else c for c in text)
open(sys.argv[2], "w", encoding="utf-8").write(latin)
PY
yaz-marcdump -i marcxml -o marc -f UTF-8 -t MARC-8 -l 9=32 "$WORK/decomposed.xml" >"$WORK/marc8.mrc"
NON_ASCII=$(python3 - "$WORK/utf8.mrc" <<'PY'
import sys
records = open(sys.argv[1], "rb").read().split(b"\x1d")[:-1]
print(sum(1 for r in records if any(b >= 0x80 for b in r)))
PY
)

# The records/s of a summary line, and its warned records: "... 3 warned (5 warnings) in 4.20 s (23810 records/s)".
rate() { sed -n 's/.*(\([0-9]*\) records\/s).*/\1/p' "$1"; }
warned() { sed -n 's/.* \([0-9]*\) warned .*/\1/p' "$1"; }

declare -A DRY IMPORT WARNED
for encoding in utf8 marc8; do DRY[$encoding]=0; IMPORT[$encoding]=0; done
for round in $(seq 1 "$ROUNDS"); do
    for encoding in utf8 marc8; do
        DATABASE="$WORK/$encoding-$round.sqlite"
        serve
        stop
        "$LECTERN" import marc "$WORK/$encoding.mrc" --institution DEMO --database "sqlite:$DATABASE" --dry-run >"$WORK/dry.txt" 2>/dev/null || true
        "$LECTERN" import marc "$WORK/$encoding.mrc" --institution DEMO --database "sqlite:$DATABASE" >"$WORK/import.txt" 2>/dev/null || true
        grep -q " $COUNT created" "$WORK/import.txt" || { say "not every record was created: $(cat "$WORK/import.txt")"; exit 1; }
        say "   round $round, $encoding: $(cat "$WORK/import.txt")"
        DRY[$encoding]=$((DRY[$encoding] + $(rate "$WORK/dry.txt")))
        IMPORT[$encoding]=$((IMPORT[$encoding] + $(rate "$WORK/import.txt")))
        WARNED[$encoding]=$(warned "$WORK/import.txt")
        if [ "$round" = 1 ]; then "$LECTERN" export marc --institution DEMO --database "sqlite:$DATABASE" >"$WORK/$encoding.export.xml" 2>/dev/null; fi
        rm -f "$DATABASE"*
    done
done

SAME=$(python3 - "$WORK/utf8.export.xml" "$WORK/marc8.export.xml" <<'PY'
import re, sys
def records(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        key = re.search(r"\(DEMO\)(\d+)", line)
        if key:
            line = re.sub(r'<controlfield tag="00[15]">[^<]*</controlfield>|<leader>.....', "", line)
            found[key.group(1)] = line
    return found
utf8, marc8 = records(sys.argv[1]), records(sys.argv[2])
print(sum(1 for key, line in utf8.items() if marc8.get(key) == line))
PY
)

echo
echo "lectern import marc, $COUNT demo records ($NON_ASCII with non-ASCII text), mean of $ROUNDS rounds, $(nproc) cores"
echo
printf '%-8s %22s %18s %14s\n' "encoding" "parse and check (r/s)" "import (r/s)" "warned"
for encoding in utf8 marc8; do
    printf '%-8s %22d %18d %14d\n' "$encoding" "$((DRY[$encoding] / ROUNDS))" "$((IMPORT[$encoding] / ROUNDS))" "${WARNED[$encoding]}"
done
echo
echo "MARC-8 / UTF-8, parse and check: $(awk -v a="${DRY[marc8]}" -v b="${DRY[utf8]}" 'BEGIN { printf "%.2f", a / b }')"
echo "records read back alike from both files: $SAME of $COUNT"
echo "MARC-8 / UTF-8, import:          $(awk -v a="${IMPORT[marc8]}" -v b="${IMPORT[utf8]}" 'BEGIN { printf "%.2f", a / b }')"
